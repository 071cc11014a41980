import { browser } from './browser';
import { imageToRgba, type Bitmap } from './image-decode';

export { imageToRgba, type Bitmap } from './image-decode';

/**
 * Chrome allows 2 captures a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND) and fails the rest:
 * https://developer.chrome.com/docs/extensions/reference/api/tabs#property-MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND
 * Firefox has no such limit but needs the same `<all_urls>` host permission, which the user may have
 * withheld there (the popup asks for it: src/popup/site-access-notice.tsx); without it the capture
 * rejects and enrollment falls back to the pixels the page lets us read.
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/tabs/captureVisibleTab
 */
const CAPTURE_GAP_MS = 550;

type TakeShot = (windowId?: number) => Promise<string>;
const takeShot: TakeShot = (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' });

/**
 * A capture function whose calls are queued and spaced to stay under Chrome's rate limit. `take` and
 * `decode` are parameters so a test can pass fakes.
 */
export function captureQueue(
  take: TakeShot = takeShot,
  decode: (png: string) => Promise<Bitmap> = imageToRgba,
): (windowId?: number) => Promise<Bitmap> {
  let lastCapture = 0;
  let captures: Promise<unknown> = Promise.resolve();
  return (windowId) => {
    const shot = captures.then(async () => {
      await new Promise((wait) => setTimeout(wait, lastCapture + CAPTURE_GAP_MS - Date.now()));
      try {
        return await take(windowId);
      } finally {
        lastCapture = Date.now();
      }
    });
    // The queue only orders the calls: each caller gets its own shot's failure.
    captures = shot.catch(() => undefined);
    return shot.then((png) => decode(png));
  };
}

/**
 * The visible part of the active tab of `windowId` (default: the current window) as RGBA. The popup's
 * "scan this page" and enrollment crops share this one queue.
 */
export const captureVisibleTab = captureQueue();
