import { sendToTab, type SendToTab } from '../platform/runtime';
import { executeScript as inject, type ExecuteScript, type InjectionTarget } from '../platform/tabs';
import { WAKE_HOOK } from '../shared/messages/to-content';
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
 *
 * A content script listens only once it has talked to us or been woken (platform/runtime-lite.ts: the
 * listener would cost every page the extension bindings). So a message to every frame wakes them all
 * first; a message to one frame is sent, and only when nothing received it, the frame is woken and it
 * is sent again (nothing received the first one, so nothing happens twice).
 */
export async function sendToFrame<K extends ContentType>(
  tabId: number,
  message: Envelope<ToContent, K>,
  frame?: FrameRef,
  send: SendToTab = sendToTab,
  executeScript: ExecuteScript = inject,
): Promise<ResponseOf<ToContent, K> | null> {
  const options = frame && { frameId: frame.frameId, ...(frame.documentId ? { documentId: frame.documentId } : {}) };
  const attempt = () =>
    send(tabId, message, options).then(
      (reply) => ({ reply }),
      // No receiving end: no content script there (a browser page, a page loaded before install) or
      // one that is not listening yet.
      () => null,
    );
  if (!frame) await wake({ tabId, allFrames: true }, executeScript);
  let sent = await attempt();
  if (!sent && frame) {
    if (await wake(frameTarget(tabId, frame), executeScript)) sent = await attempt();
  }
  const reply = sent?.reply as { ok: boolean; value?: ResponseOf<ToContent, K> } | null | undefined;
  return reply?.ok ? (reply.value ?? null) : null;
}

/** The frame as `scripting` names it: its very document where the browser can say, else its id. */
export const frameTarget = (tabId: number, frame: FrameRef): InjectionTarget =>
  frame.documentId ? { tabId, documentIds: [frame.documentId] } : { tabId, frameIds: [frame.frameId] };

/** Starts the content scripts' listeners in `target` (in their isolated world); false when it could not run there. */
function wake(target: InjectionTarget, executeScript: ExecuteScript): Promise<boolean> {
  return Promise.resolve()
    .then(() =>
      executeScript({
        target,
        // Runs in the frame, serialized: it can only name what `args` gives it.
        func: (hook: string) => (globalThis as unknown as Record<string, (() => void) | undefined>)[hook]?.(),
        args: [WAKE_HOOK],
      }),
    )
    .then(
      () => true,
      // A frame we may not script (a browser page, the web store) or one that is gone: nothing to wake.
      () => false,
    );
}
