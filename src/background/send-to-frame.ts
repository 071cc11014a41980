import { browser } from '../platform/browser';

/**
 * Sends `message` to a tab's content script and gives the reply's value (null when nothing answered
 * or it failed). With `frame`, only that frame, and only its very document where the browser can say
 * (Chrome's documentId): a frame that navigated since, even to another site, gets nothing.
 */
export async function sendToFrame<T>(tabId: number, message: object, frame?: { frameId: number; documentId?: string | undefined }): Promise<T | null> {
  const options = frame && { frameId: frame.frameId, ...(frame.documentId ? { documentId: frame.documentId } : {}) };
  const reply = (await browser.tabs.sendMessage(tabId, message, options as { frameId: number } | undefined).catch(() => null)) as
    | { ok: boolean; value?: T }
    | null;
  return reply?.ok ? (reply.value ?? null) : null;
}
