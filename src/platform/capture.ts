import { browser } from './browser';

export interface Bitmap {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

const MAX_PIXELS = 4096 * 4096;

/** Decode a PNG/JPEG (as a data: URL or Blob) to RGBA pixels, in a worker or a page. */
export async function imageToRgba(source: string | Blob): Promise<Bitmap> {
  const blob = typeof source === 'string' ? await (await fetch(source)).blob() : source;
  const bitmap = await createImageBitmap(blob);
  // A tiny PNG can declare a huge canvas; decoding it would exhaust memory (a page could repeat it).
  if (bitmap.width * bitmap.height > MAX_PIXELS) {
    bitmap.close();
    throw new RangeError('Image too large');
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('No 2D context');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, bitmap.width, bitmap.height);
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  return { data, width, height };
}

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
