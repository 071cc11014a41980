/**
 * Luminance-plane operations for the decode pipeline. Every function allocates a new plane and is
 * O(pixels of its output); none touches the DOM, so this runs in a worker or in node.
 */
import type { RgbaImage } from './types';

/** One 8-bit luminance sample per pixel, rows packed. */
export interface GrayImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/**
 * Rec. 709 luma (the weights jsQR uses), composited over an opaque `background`: transparent QR
 * images (PNG/SVG with alpha 0 where white should be) often carry rgb(0,0,0) in their transparent
 * pixels, which a naive conversion reads as dark modules.
 */
export function toGray(image: RgbaImage, background: number): { gray: GrayImage; transparent: boolean } {
  const { data: rgba, width, height } = image;
  const data = new Uint8Array(width * height);
  let transparent = false;
  for (let p = 0, i = 0; p < data.length; p++, i += 4) {
    const luma = (54 * rgba[i]! + 183 * rgba[i + 1]! + 19 * rgba[i + 2]!) >> 8;
    const alpha = rgba[i + 3]!;
    if (alpha === 255) data[p] = luma;
    else {
      transparent = true;
      data[p] = (luma * alpha + background * (255 - alpha) + 127) / 255;
    }
  }
  return { gray: { data, width, height }, transparent };
}

/** Expands a plane back to the opaque RGBA jsQR takes. */
export function toRgba(gray: GrayImage): Uint8ClampedArray {
  const out = new Uint8ClampedArray(gray.data.length * 4);
  for (let p = 0, i = 0; p < gray.data.length; p++, i += 4) {
    const v = gray.data[p]!;
    out[i] = v;
    out[i + 1] = v;
    out[i + 2] = v;
    out[i + 3] = 255;
  }
  return out;
}

/** Luminance at the given fractions (0..1) of the histogram, e.g. [0.01, 0.99]. */
export function percentiles(gray: GrayImage, fractions: readonly number[]): number[] {
  const histogram = new Uint32Array(256);
  for (let p = 0; p < gray.data.length; p++) histogram[gray.data[p]!]!++;
  return fractions.map((fraction) => {
    const target = fraction * gray.data.length;
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v]!;
      if (seen > target) return v;
    }
    return 255;
  });
}

/** Min/max normalisation between the 1st and 99th percentile (robust to a few noisy pixels). */
export function stretch(gray: GrayImage): GrayImage {
  const [lo = 0, hi = 255] = percentiles(gray, [0.01, 0.99]);
  if (hi - lo < 8 || (lo <= 8 && hi >= 247)) return gray;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(((v - lo) * 255) / (hi - lo))));
  return map(gray, lut);
}

/**
 * Hard black/white at the midpoint between the dark and light levels (5th/95th percentile). Blur
 * spreads each edge symmetrically around 50 %, so the midpoint puts module edges back where they
 * were; jsQR's own 8×8-block local threshold drifts inside large blurred dark or light areas.
 */
export function threshold(gray: GrayImage): GrayImage {
  const [lo = 0, hi = 255] = percentiles(gray, [0.05, 0.95]);
  const level = (lo + hi) / 2;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = v > level ? 255 : 0;
  return map(gray, lut);
}

function map(gray: GrayImage, lut: Uint8Array): GrayImage {
  const data = new Uint8Array(gray.data.length);
  for (let p = 0; p < data.length; p++) data[p] = lut[gray.data[p]!]!;
  return { data, width: gray.width, height: gray.height };
}

/** 3×3 box blur: takes the edge off salt-and-pepper noise before a global threshold. */
export function smooth(gray: GrayImage): GrayImage {
  const { width, height, data: src } = gray;
  const data = new Uint8Array(src.length);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - 1);
    const y1 = Math.min(height - 1, y + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - 1);
      const x1 = Math.min(width - 1, x + 1);
      let sum = 0;
      for (let yy = y0; yy <= y1; yy++) for (let xx = x0; xx <= x1; xx++) sum += src[yy * width + xx]!;
      data[y * width + x] = sum / ((y1 - y0 + 1) * (x1 - x0 + 1));
    }
  }
  return { data, width, height };
}

/** Surrounds the plane with `margin` pixels of `value` (a synthetic quiet zone). */
export function pad(gray: GrayImage, margin: number, value: number): GrayImage {
  const width = gray.width + 2 * margin;
  const height = gray.height + 2 * margin;
  const data = new Uint8Array(width * height).fill(value);
  for (let y = 0; y < gray.height; y++) {
    data.set(gray.data.subarray(y * gray.width, (y + 1) * gray.width), (y + margin) * width + margin);
  }
  return { data, width, height };
}

/** Nearest-neighbour upscale by an integer factor (keeps module edges hard). */
export function upscale(gray: GrayImage, factor: number): GrayImage {
  const width = gray.width * factor;
  const height = gray.height * factor;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = ((y / factor) | 0) * gray.width;
    for (let x = 0; x < width; x++) data[y * width + x] = gray.data[row + ((x / factor) | 0)]!;
  }
  return { data, width, height };
}

/** Box (area-average) downscale by an integer factor; partial edge blocks are dropped. */
export function downscale(gray: GrayImage, factor: number): GrayImage {
  const width = Math.floor(gray.width / factor);
  const height = Math.floor(gray.height / factor);
  const data = new Uint8Array(width * height);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * gray.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += gray.data[row + dx]!;
      }
      data[y * width + x] = sum / area;
    }
  }
  return { data, width, height };
}

/**
 * Bilinear upscale by an integer factor: interpolates anti-aliased or blurred edges at sub-pixel
 * positions, so a following threshold puts module boundaries on a finer grid than the source
 * pixels (fractionally scaled codes, where nearest-neighbour makes modules alternate in width).
 */
export function upscaleSmooth(gray: GrayImage, factor: number): GrayImage {
  const { width: w, height: h, data: src } = gray;
  const width = w * factor;
  const height = h * factor;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const v = Math.min(h - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(v);
    const y1 = Math.min(h - 1, y0 + 1);
    const fy = v - y0;
    for (let x = 0; x < width; x++) {
      const u = Math.min(w - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(u);
      const x1 = Math.min(w - 1, x0 + 1);
      const fx = u - x0;
      const top = src[y0 * w + x0]! * (1 - fx) + src[y0 * w + x1]! * fx;
      const bottom = src[y1 * w + x0]! * (1 - fx) + src[y1 * w + x1]! * fx;
      data[y * width + x] = top * (1 - fy) + bottom * fy + 0.5;
    }
  }
  return { data, width, height };
}
