/**
 * Where, in a tab capture, the element a content script reported lies. Pure. The page gives its
 * element's rect in viewport CSS px and its viewport width (innerWidth); the capture is in device
 * px, so capture width / viewport width is devicePixelRatio × zoom. A margin goes around the rect
 * (the quiet zone, and room for a page that scrolled a little since it measured).
 */
import type { Rect } from '../../core/qr';

/** QR-shaped elements are at least 48 CSS px (content/enroll/detect.ts); a setup QR is not a page. */
export const MIN_SIDE = 48;
export const MAX_SIDE = 1200;
const MARGIN = 0.1;

export interface CaptureRequest {
  rect: Rect;
  viewport: number;
}

/** The crop in pixels of a `width`×`height` capture, or null when the request is out of bounds. */
export function captureRect({ rect, viewport }: CaptureRequest, width: number, height: number): Rect | null {
  const { x, y, width: w, height: h } = rect ?? {};
  const numbers = [x, y, w, h, viewport];
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  if (w < MIN_SIDE || h < MIN_SIDE || w > MAX_SIDE || h > MAX_SIDE) return null;
  const scale = width / viewport;
  if (!(scale >= 0.25 && scale <= 8)) return null;
  // The element must be on screen: all of it, give or take a pixel of rounding.
  if (x < -1 || y < -1 || (x + w) * scale > width + scale || (y + h) * scale > height + scale) return null;
  const margin = MARGIN * Math.max(w, h);
  const x0 = Math.max(0, (x - margin) * scale);
  const y0 = Math.max(0, (y - margin) * scale);
  const x1 = Math.min(width, (x + w + margin) * scale);
  const y1 = Math.min(height, (y + h + margin) * scale);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
