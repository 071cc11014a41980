import { browser } from './browser';
import { imageToRgba, type Bitmap } from './image-decode';

export { imageToRgba, type Bitmap } from './image-decode';

/**
 * Chrome allows 2 captures a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND) and fails the rest.
 * Firefox has no such limit but needs the same `<all_urls>` host permission, which the user may have
 * withheld there (the popup asks for it: src/popup/site-access-notice.tsx); without it the capture
 * rejects and enrollment falls back to the pixels the page lets us read.
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/tabs/captureVisibleTab
 */
const CAPTURE_GAP_MS = 550;
let lastCapture = 0;
let captures: Promise<unknown> = Promise.resolve();

/**
 * The visible part of the active tab of `windowId` (default: the current window) as RGBA. Calls are
 * queued and spaced to stay under Chrome's rate limit; the popup's "scan this page" and enrollment
 * crops share the queue.
 */
export function captureVisibleTab(windowId?: number): Promise<Bitmap> {
  const shot = captures.then(async () => {
    await new Promise((wait) => setTimeout(wait, lastCapture + CAPTURE_GAP_MS - Date.now()));
    try {
      return await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
    } finally {
      lastCapture = Date.now();
    }
  });
  captures = shot.catch(() => undefined);
  return shot.then(imageToRgba);
}
