import { executeScript as inject, type ExecuteScript } from '../platform/tabs';

/**
 * The origin of the document now in a tab's frame, as the browser gives it to that document: what
 * `senderOrigin` reads from a frame's messages, for a frame that sent none (the context menu's click
 * gives only the frame's URL). `self.origin` is read in our isolated world, where the page cannot
 * redefine it; it is "null" for a sandboxed document (a `sandbox` iframe, a `Content-Security-Policy:
 * sandbox` upload) whose URL is still its site's, and such a frame gets no site.
 *
 * Null also when the frame cannot be scripted, or when its document is no longer at `url`'s origin (it
 * navigated since the click): the document the user acted on is not known there.
 */
export async function frameOrigin(
  tabId: number,
  frameId: number,
  url: string,
  executeScript: ExecuteScript = inject,
): Promise<string | null> {
  const results = await Promise.resolve()
    .then(() => executeScript({ target: { tabId, frameIds: [frameId] }, func: () => self.origin, args: [] }))
    .catch(
      // A frame we may not script (a browser page, the web store) or one that is gone: no origin.
      () => null,
    );
  const origin = Array.isArray(results) ? (results[0] as { result?: unknown } | undefined)?.result : undefined;
  if (typeof origin !== 'string' || origin === 'null') return null;
  return origin === urlOrigin(url) ? origin : null;
}

function urlOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    // A frame URL that does not parse: no origin to compare with.
    return null;
  }
}
