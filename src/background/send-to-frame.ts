import { sendToTab, type SendToTab } from '../platform/runtime';
import type { ContentType, Envelope, ResponseOf, ToContent } from '../shared/protocol';

/** One frame of a tab, and where the browser can say (Chrome's documentId), its very document. */
export interface FrameRef {
  frameId: number;
  documentId?: string | undefined;
}

/**
 * Sends a background → content message (records in shared/messages/to-content.ts) to a tab's content
 * script and gives the reply's value, typed by the record (null when nothing answered or it failed).
 * With `frame`, only that frame, and only its very document where the browser can say: a frame that
 * navigated since, even to another site, gets nothing.
 */
export async function sendToFrame<K extends ContentType>(
  tabId: number,
  message: Envelope<ToContent, K>,
  frame?: FrameRef,
  send: SendToTab = sendToTab,
): Promise<ResponseOf<ToContent, K> | null> {
  const options = frame && { frameId: frame.frameId, ...(frame.documentId ? { documentId: frame.documentId } : {}) };
  // A frame with no content script (a browser page, a page loaded before install) answers nothing.
  const reply = (await send(tabId, message, options).catch(() => null)) as {
    ok: boolean;
    value?: ResponseOf<ToContent, K>;
  } | null;
  return reply?.ok ? (reply.value ?? null) : null;
}
