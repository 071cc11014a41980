/**
 * The one protocol map (ARCHITECTURE.md rule 3): every message is `domain/verb` with a typed request
 * and response. `from` says which senders the background accepts it from; the background decides that
 * from `sender`, never from the message.
 */
export type SenderKind = 'extension-page' | 'content-script';

/** A request with nothing but its `type`. */
export type NoFields = Record<never, never>;

export interface AppInfo {
  name: string;
  version: string;
}

export interface ContentHello {
  /** The frame's origin as the content script sees it; the background uses `sender`, this is only echoed. */
  href: string;
  topFrame: boolean;
}

/** Messages sent to the background. */
export interface ToBackground {
  'app/info': { request: NoFields; response: AppInfo };
}

/** Messages the background (or popup) sends to a tab's content script. */
export interface ToContent {
  'content/ping': { request: NoFields; response: ContentHello };
}

export type BackgroundType = keyof ToBackground;
export type ContentType = keyof ToContent;

export type Envelope<M, K extends keyof M> = { type: K } & (M[K] extends { request: infer R } ? R : never);
export type ResponseOf<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;

/** Who may send each background message. Anything not listed here is refused. */
export const allowedSenders: { readonly [K in BackgroundType]: readonly SenderKind[] } = {
  'app/info': ['extension-page'],
};

export function isBackgroundType(type: unknown): type is BackgroundType {
  return typeof type === 'string' && Object.hasOwn(allowedSenders, type);
}
