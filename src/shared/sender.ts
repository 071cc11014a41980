import type { SenderKind } from './protocol';

/** The subset of runtime.MessageSender the background relies on. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  /** `url`: the tab's top-level page (present with host permission for it). */
  tab?: { id?: number; url?: string };
  frameId?: number;
  /** Chrome 106+: the sending document's id (https://developer.chrome.com/docs/extensions/reference/api/runtime#type-MessageSender). */
  documentId?: string;
}

/**
 * The sender is our own background (or another page of this extension), not a tab: what the offscreen
 * document, the popup's lock signal and the content script's listener accept (a content script of ours
 * carries its tab).
 */
export const fromOwnExtension = (sender: Pick<SenderLike, 'id'> & { tab?: unknown }, ownId: string): boolean =>
  sender.id === ownId && !sender.tab;

/**
 * Classify a message sender from what the browser says about it, never from the message.
 * Extension pages (popup, options) run at our own extension origin; content scripts run in a tab at an
 * http(s) URL and carry the tab. Anything else (another extension, a page via externally_connectable,
 * a sandboxed or opaque frame) is `null` and gets nothing.
 */
export function classifySender(sender: SenderLike, ownId: string, ownOrigin: string): SenderKind | null {
  if (sender.id !== ownId || typeof sender.url !== 'string') return null;
  const url = safeUrl(sender.url);
  if (!url) return null;
  const base = ownOrigin.endsWith('/') ? ownOrigin.slice(0, -1) : ownOrigin;
  if (url.origin === base || `${url.protocol}//${url.host}` === base) return 'extension-page';
  if ((url.protocol === 'https:' || url.protocol === 'http:') && sender.tab?.id !== undefined) return 'content-script';
  return null;
}

/**
 * The origin of the frame that sent a content-script message (Chrome gives `origin`, Firefox only `url`:
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/runtime/MessageSender#browser_compatibility).
 */
export function senderOrigin(sender: SenderLike): string | null {
  // Chrome gives the frame's real origin; "null" (a sandboxed document) must not fall back to its URL,
  // or a sandboxed upload on victim.example would count as victim.example.
  if (typeof sender.origin === 'string') return sender.origin === 'null' ? null : sender.origin;
  const url = typeof sender.url === 'string' ? safeUrl(sender.url) : null;
  return url && url.origin !== 'null' ? url.origin : null;
}

function safeUrl(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    // A sender URL that does not parse: no origin, so the sender is refused.
    return null;
  }
}
