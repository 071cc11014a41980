/**
 * Test-only QR rasterizer: turns the module matrix of `qrcode` (QRCode.create) into an RGBA buffer the
 * way real pages and screenshots show it (module size, quiet zone, colours, alpha, offset inside a
 * bigger canvas, non-integer scale with bilinear sampling, blur, noise). Seeded, so corpora repeat.
 */
import QRCode from 'qrcode';
import type { RgbaImage } from '../../../src/core/qr';

export type Rgba = readonly [number, number, number, number];

export interface RenderOptions {
  /** Pixels per module; non-integer values are bilinearly sampled (anti-aliased edges). */
  moduleSize?: number;
  /** Quiet zone in modules (the spec asks for 4); 0 makes the code touch the edge. */
  quietZone?: number;
  dark?: Rgba;
  light?: Rgba;
  errorCorrection?: 'L' | 'M' | 'Q' | 'H';
}

/** Mulberry32: tiny seeded PRNG so every corpus is repeatable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function blank(width: number, height: number, color: Rgba = [255, 255, 255, 255]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(color, i);
  return { data, width, height };
}

/** Renders `text` as a QR code; the image is exactly (modules + 2·quietZone)·moduleSize px wide, rounded. */
export function renderQr(text: string, options: RenderOptions = {}): RgbaImage {
  const { moduleSize = 4, quietZone = 4, dark = [0, 0, 0, 255], light = [255, 255, 255, 255] } = options;
  const modules = QRCode.create(text, { errorCorrectionLevel: options.errorCorrection ?? 'M' }).modules;
  const total = modules.size + 2 * quietZone;
  const side = Math.round(total * moduleSize);
  const isDark = (mx: number, my: number): number => {
    const x = mx - quietZone;
    const y = my - quietZone;
    return x >= 0 && y >= 0 && x < modules.size && y < modules.size ? modules.get(y, x) : 0;
  };
  const out = blank(side, side);
  const integer = Number.isInteger(moduleSize);
  for (let py = 0; py < side; py++) {
    for (let px = 0; px < side; px++) {
      let t: number;
      if (integer) t = isDark(Math.floor(px / moduleSize), Math.floor(py / moduleSize));
      else {
        const u = (px + 0.5) / moduleSize - 0.5;
        const v = (py + 0.5) / moduleSize - 0.5;
        const x0 = Math.floor(u);
        const y0 = Math.floor(v);
        const fx = u - x0;
        const fy = v - y0;
        t =
          (1 - fy) * ((1 - fx) * isDark(x0, y0) + fx * isDark(x0 + 1, y0)) +
          fy * ((1 - fx) * isDark(x0, y0 + 1) + fx * isDark(x0 + 1, y0 + 1));
      }
      const i = (py * side + px) * 4;
      for (let c = 0; c < 4; c++) out.data[i + c] = Math.round(light[c]! + (dark[c]! - light[c]!) * t);
    }
  }
  return out;
}

/** Copies `src` into `dst` at (x, y), source-over alpha compositing. */
export function place(dst: RgbaImage, src: RgbaImage, x: number, y: number): RgbaImage {
  for (let sy = 0; sy < src.height; sy++) {
    const dy = y + sy;
    if (dy < 0 || dy >= dst.height) continue;
    for (let sx = 0; sx < src.width; sx++) {
      const dx = x + sx;
      if (dx < 0 || dx >= dst.width) continue;
      const s = (sy * src.width + sx) * 4;
      const d = (dy * dst.width + dx) * 4;
      const a = src.data[s + 3]! / 255;
      for (let c = 0; c < 3; c++) dst.data[d + c] = src.data[s + c]! * a + dst.data[d + c]! * (1 - a);
      dst.data[d + 3] = 255 * a + dst.data[d + 3]! * (1 - a);
    }
  }
  return dst;
}

/** A 'tab screenshot': header bar, text-like stripes, photos-like gradients, and the QR at (x, y). */
export function screenshot(qr: RgbaImage, x: number, y: number, seed: number, width = 1280, height = 800): RgbaImage {
  const random = rng(seed);
  const shot = blank(width, height, [246, 247, 249, 255]);
  place(shot, blank(width, 64, [32, 40, 64, 255]), 0, 0);
  for (let k = 0; k < 40; k++) {
    const w = 40 + Math.floor(random() * 300);
    const h = 6 + Math.floor(random() * 10);
    const shade = Math.floor(random() * 120);
    place(
      shot,
      blank(w, h, [shade, shade, shade + 20, 255]),
      Math.floor(random() * width),
      80 + Math.floor(random() * (height - 90)),
    );
  }
  for (let k = 0; k < 3; k++) {
    const img = blank(120 + Math.floor(random() * 120), 90 + Math.floor(random() * 90));
    for (let i = 0; i < img.data.length; i += 4) {
      const p = i / 4;
      const v = ((p % img.width) * 255) / img.width;
      img.data.set([v, 255 - v, (p / img.width) % 256, 255], i);
    }
    place(shot, img, Math.floor(random() * (width - 240)), 80 + Math.floor(random() * (height - 260)));
  }
  return place(shot, qr, x, y);
}

/** Separable box blur repeated 3× (≈ gaussian with σ ≈ radius·1); alpha is blurred too. */
export function blur(image: RgbaImage, radius: number): RgbaImage {
  if (radius <= 0) return image;
  let data = image.data;
  const { width, height } = image;
  for (let pass = 0; pass < 6; pass++) {
    const horizontal = pass % 2 === 0;
    const next = new Uint8ClampedArray(data.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        for (let c = 0; c < 4; c++) {
          let sum = 0;
          let n = 0;
          for (let k = -radius; k <= radius; k++) {
            const sx = horizontal ? x + k : x;
            const sy = horizontal ? y : y + k;
            if (sx < 0 || sy < 0 || sx >= width || sy >= height) continue;
            sum += data[(sy * width + sx) * 4 + c]!;
            n++;
          }
          next[(y * width + x) * 4 + c] = sum / n;
        }
      }
    }
    data = next;
  }
  return { data, width, height };
}

/** Adds seeded uniform noise of ±amplitude to RGB (alpha untouched). */
export function noise(image: RgbaImage, amplitude: number, seed: number): RgbaImage {
  const random = rng(seed);
  const data = new Uint8ClampedArray(image.data);
  for (let i = 0; i < data.length; i += 4) {
    for (let c = 0; c < 3; c++) data[i + c] = data[i + c]! + (random() * 2 - 1) * amplitude;
  }
  return { data, width: image.width, height: image.height };
}

/** Inverts RGB (dark mode rendering of a QR). */
export function invert(image: RgbaImage): RgbaImage {
  const data = new Uint8ClampedArray(image.data);
  for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c++) data[i + c] = 255 - data[i + c]!;
  return { data, width: image.width, height: image.height };
}

/** Pure noise image: nothing in it should decode. */
export function randomImage(width: number, height: number, seed: number): RgbaImage {
  const random = rng(seed);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i++) data[i] = i % 4 === 3 ? 255 : random() * 256;
  return { data, width, height };
}
