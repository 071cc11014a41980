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

/** The visible part of the active tab as RGBA (needs the activeTab grant from opening the popup). */
export async function captureVisibleTab(): Promise<Bitmap> {
  const dataUrl = await browser.tabs.captureVisibleTab(undefined, { format: 'png' });
  return imageToRgba(dataUrl);
}
