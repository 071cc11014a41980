/**
 * The building block of the message registry (./index.ts): one record per message, shared by every
 * context and free of browser APIs. A record says who may send the message and how its request is
 * checked at run time; its request and response types ride along as type parameters. The background
 * pairs each record with exactly one handler (background/messages/), which completes issue 15's
 * `{ type, senders, validate, handle }`.
 */
import type { Check } from '../validate/check';

/** Who sent a message, decided from the browser's `sender`, never from the message (shared/sender.ts). */
export type SenderKind = 'extension-page' | 'content-script' | 'background';

export interface MessageRecord<Req, Res> {
  /** The kinds of sender the receiver accepts this message from; never empty. */
  readonly senders: readonly SenderKind[];
  /** Run-time check of the request (its fields besides `type`): null when it has the shape, else why not. */
  readonly validate: Check<Req>;
  /** Type only (never set): what the receiver answers. */
  readonly _response?: Res;
}

/** `message<Request, Response>(senders, validate)`: the validator must prove the request type. */
export const message = <Req, Res>(senders: readonly SenderKind[], validate: Check<Req>): MessageRecord<Req, Res> => ({
  senders,
  validate,
});

export const PAGES = ['extension-page'] as const satisfies readonly SenderKind[];
export const CONTENT = ['content-script'] as const satisfies readonly SenderKind[];
export const BACKGROUND = ['background'] as const satisfies readonly SenderKind[];

/** A request with nothing but its `type`. */
export type NoFields = Record<never, never>;

export type RecordMap = Record<string, MessageRecord<unknown, unknown>>;

export type RequestOfRecord<R> = R extends MessageRecord<infer Req, unknown> ? Req : never;
export type ResponseOfRecord<R> = R extends MessageRecord<unknown, infer Res> ? Res : never;

/** The `{ request, response }` map a set of records describes (the shape the protocol types use). */
export type MessageMap<M extends RecordMap> = {
  [K in keyof M]: { request: RequestOfRecord<M[K]>; response: ResponseOfRecord<M[K]> };
};
