/**
 * RGBA helpers for the background: cut an element out of a tab screenshot (captureVisibleTab gives
 * device pixels, so the caller scales the element's CSS rect by devicePixelRatio × zoom first).
 */
import type { Rect, RgbaImage } from './types';

/** Multiplies a CSS-pixel rect into device pixels (factor = devicePixelRatio × page zoom). */
export function scaleRect(rect: Rect, factor: number): Rect {
  return { x: rect.x * factor, y: rect.y * factor, width: rect.width * factor, height: rect.height * factor };
}

/**
 * The part of `image` under `rect`, rounded outward to whole pixels and clipped to the image.
 * Returns null when nothing of the rect lies inside the image (element scrolled out of view).
 */
export function cropRgba(image: RgbaImage, rect: Rect): RgbaImage | null {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(image.width, Math.ceil(rect.x + rect.width));
  const y1 = Math.min(image.height, Math.ceil(rect.y + rect.height));
  if (!(x1 > x0 && y1 > y0)) return null;
  const width = x1 - x0;
  const height = y1 - y0;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const start = ((y0 + y) * image.width + x0) * 4;
    data.set(image.data.subarray(start, start + width * 4), y * width * 4);
  }
  return { data, width, height };
}

/**
 * Resizes by `factor` (> 0): nearest-neighbour when enlarging (module edges stay hard, which is
 * what the QR locator wants), area-average when shrinking (no aliasing of 1-px patterns).
 * The output is round(width × factor) × round(height × factor), at least 1 × 1.
 */
export function scaleRgba(image: RgbaImage, factor: number): RgbaImage {
  if (!(factor > 0) || !Number.isFinite(factor)) throw new RangeError(`scale factor must be > 0, got ${factor}`);
  const width = Math.max(1, Math.round(image.width * factor));
  const height = Math.max(1, Math.round(image.height * factor));
  const data = new Uint8ClampedArray(width * height * 4);
  const sx = image.width / width;
  const sy = image.height / height;
  for (let y = 0; y < height; y++) {
    const top = y * sy;
    const bottom = Math.max(Math.floor(top) + 1, Math.ceil((y + 1) * sy - 1e-9));
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * 4;
      if (factor >= 1) {
        data.set(image.data.subarray(pixel(image, top, x * sx), pixel(image, top, x * sx) + 4), out);
        continue;
      }
      const left = Math.floor(x * sx);
      const right = Math.max(left + 1, Math.ceil((x + 1) * sx - 1e-9));
      averageInto(
        image,
        left,
        Math.floor(top),
        Math.min(right, image.width),
        Math.min(bottom, image.height),
        data,
        out,
      );
    }
  }
  return { data, width, height };
}

function pixel(image: RgbaImage, y: number, x: number): number {
  return (Math.min(image.height - 1, Math.floor(y)) * image.width + Math.min(image.width - 1, Math.floor(x))) * 4;
}

/** Alpha-weighted average, so transparent pixels (often rgb 0,0,0) do not darken their neighbours. */
function averageInto(
  image: RgbaImage,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  out: Uint8ClampedArray,
  at: number,
): void {
  let r = 0;
  let g = 0;
  let b = 0;
  let a = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 4;
      const alpha = image.data[i + 3]!;
      r += image.data[i]! * alpha;
      g += image.data[i + 1]! * alpha;
      b += image.data[i + 2]! * alpha;
      a += alpha;
    }
  }
  out[at + 3] = a / ((x1 - x0) * (y1 - y0));
  if (a > 0) [out[at], out[at + 1], out[at + 2]] = [r / a, g / a, b / a];
}
