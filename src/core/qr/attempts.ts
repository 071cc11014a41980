/**
 * The preprocessing plan: a short, ordered list of working planes to hand to jsQR, cheapest and
 * most likely first. Planes are built lazily, so a clean QR costs one conversion and one jsQR call.
 */
import {
  downscale,
  pad,
  percentiles,
  smooth,
  stretch,
  threshold,
  toGray,
  upscale,
  upscaleSmooth,
  type GrayImage,
} from './gray';
import type { RgbaImage } from './types';

/** A plane for jsQR plus the map back to input pixels: input = (working - margin) / scale. */
export interface Working {
  readonly gray: GrayImage;
  readonly scale: number;
  readonly margin: number;
}

export interface Attempt {
  readonly name: string;
  readonly build: () => Working | null;
}

/** Below this short side (working pixels) we upscale: ~60 modules incl. quiet zone at 4 px each. */
const MIN_SIDE = 240;
const MAX_UPSCALE = 8;

function lazy<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}

type Upscale = 'none' | 'nearest' | 'smooth-threshold';

/**
 * Pads with a quiet zone (≈ 4 modules of a code filling the plane), then optionally upscales small
 * planes so modules reach ≥ 4 px: 'nearest' keeps hard edges (integer module sizes),
 * 'smooth-threshold' interpolates then thresholds (fractional sizes, anti-aliased or blurred edges).
 */
function framed(gray: GrayImage, scale: number, maxPixels: number, mode: Upscale): Working {
  const side = Math.min(gray.width, gray.height);
  const margin = Math.max(4, Math.ceil(side / 8));
  const padded = pad(gray, margin, quietColor(gray));
  let factor = mode === 'none' ? 1 : Math.max(2, Math.min(MAX_UPSCALE, Math.ceil(MIN_SIDE / side)));
  while (factor > 1 && padded.width * padded.height * factor * factor > maxPixels) factor--;
  const out =
    factor === 1 ? padded : mode === 'nearest' ? upscale(padded, factor) : threshold(upscaleSmooth(padded, factor));
  return { gray: out, scale: scale * factor, margin: margin * factor };
}

/**
 * Colour for the synthetic quiet zone: the opposite of the corners. A code that touches the edge has
 * finder patterns in three corners (dark on light, or light on dark when inverted), and the quiet
 * zone must contrast with them; a code that already has a quiet zone is unharmed either way.
 */
function quietColor(gray: GrayImage): number {
  const { width: w, height: h, data } = gray;
  const corners = [0, w - 1, (h - 1) * w].map((i) => data[i] ?? 255);
  const [lo = 0, hi = 255] = percentiles(gray, [0.05, 0.95]);
  const dark = corners.filter((v) => v < (lo + hi) / 2).length;
  return dark >= 2 ? 255 : 0;
}

/**
 * The plan. With N = input pixels and M = maxPixels, every plane has at most M pixels (inputs above
 * M start box-downscaled) and there are at most 8 attempts: small crops (short side < 480 px) get
 * plain, quiet-zone, upscale-smooth, upscale-nearest (< 240 px), threshold, downscale-2/3, on-black;
 * large bitmaps get plain, downscale-2/3/4, threshold, on-black. So the worst case (no QR) is about
 * 8 jsQR calls on ≤ M pixels plus O(N) conversions. See decode.ts for measured numbers.
 */
export function planAttempts(image: RgbaImage, maxPixels: number): Attempt[] {
  const pixels = image.width * image.height;
  const first = pixels <= maxPixels ? 1 : Math.ceil(Math.sqrt(pixels / maxPixels));
  const opaque = lazy(() => toGray(image, 255));
  const base = lazy(() => (first > 1 ? downscale(opaque().gray, first) : opaque().gray));
  const stretched = lazy(() => stretch(base()));
  const side = Math.min(image.width, image.height) / first;
  const small = side < 2 * MIN_SIDE;
  const at = (gray: GrayImage, scale: number): Working => ({ gray, scale, margin: 0 });

  const attempts: Attempt[] = [
    { name: first > 1 ? `downscale-${first}` : 'plain', build: () => at(stretched(), 1 / first) },
  ];
  if (small) {
    const frame = (mode: Upscale) => () => framed(stretched(), 1 / first, maxPixels, mode);
    attempts.push({ name: 'quiet-zone', build: frame('none') });
    attempts.push({ name: 'upscale-smooth', build: frame('smooth-threshold') });
    if (side < MIN_SIDE) attempts.push({ name: 'upscale-nearest', build: frame('nearest') });
    attempts.push({
      name: 'threshold',
      build: () => framed(threshold(smooth(stretched())), 1 / first, maxPixels, 'none'),
    });
  }
  for (const factor of [2, 3, 4]) {
    if (side / factor < 120) break;
    attempts.push({
      name: `downscale-${first * factor}`,
      build: () => at(stretch(downscale(base(), factor)), 1 / (first * factor)),
    });
  }
  if (!small) attempts.push({ name: 'threshold', build: () => at(threshold(smooth(stretched())), 1 / first) });
  attempts.push({
    name: 'on-black',
    build: () => {
      if (!opaque().transparent) return null;
      const dark = toGray(image, 0).gray;
      return framed(stretch(first > 1 ? downscale(dark, first) : dark), 1 / first, maxPixels, 'none');
    },
  });
  return attempts;
}
