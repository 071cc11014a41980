/**
 * Seeded QR corpus for the decode benchmark: every case is an otpauth URI rendered the way some real
 * page might show it. Same seed → same images, so runs compare.
 */
import QRCode from 'qrcode';
import type { RgbaImage } from '../../../src/core/qr';
import { blur, invert, noise, renderQr, rng, screenshot, type RenderOptions } from '../../unit/qr/render';

export const CATEGORIES = [
  'plain',
  'no-quiet-zone',
  'non-integer-scale',
  'transparent',
  'inverted',
  'low-contrast',
  'blurred',
  'noisy',
  'screenshot',
  'bitmap-2x',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Case {
  readonly category: Category;
  readonly text: string;
  readonly image: RgbaImage;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ISSUERS = ['GitHub', 'Example Corp', 'Proton', 'AWS', 'Bank of Somewhere', 'Jira Cloud', 'Ünïcode Ltd'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function otpauthUri(random: () => number): string {
  const secretLength = pick(random, [16, 26, 32, 52]);
  const secret = Array.from({ length: secretLength }, () => pick(random, [...ALPHABET])).join('');
  const issuer = pick(random, ISSUERS);
  const account = `user${Math.floor(random() * 100000)}@example.com`;
  const extra = random() < 0.3 ? '&algorithm=SHA256&digits=8&period=60' : '';
  return `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}${extra}`;
}

/** Module size that makes the whole image about `side` px; integer unless `fractional`. */
function moduleFor(text: string, side: number, quietZone: number, fractional: boolean): number {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size + 2 * quietZone;
  const size = side / modules;
  return fractional
    ? Math.max(1.3, Math.round(size * 10) / 10 + (Number.isInteger(size) ? 0.5 : 0))
    : Math.max(2, Math.round(size));
}

function make(category: Category, random: () => number, seed: number): Case {
  const text = otpauthUri(random);
  const side = 150 + Math.floor(random() * 451);
  const options = (quietZone: number, fractional = false): RenderOptions & { quietZone: number } => ({
    quietZone,
    moduleSize: moduleFor(text, side, quietZone, fractional),
  });
  switch (category) {
    case 'plain':
      return { category, text, image: renderQr(text, options(4)) };
    case 'no-quiet-zone':
      return { category, text, image: renderQr(text, options(0)) };
    case 'non-integer-scale':
      return { category, text, image: renderQr(text, options(pick(random, [0, 2, 4]), true)) };
    case 'transparent':
      return { category, text, image: renderQr(text, { ...options(pick(random, [0, 4])), light: [0, 0, 0, 0] }) };
    case 'inverted':
      return {
        category,
        text,
        image: invert(
          renderQr(text, { ...options(pick(random, [0, 4])), dark: [0, 0, 0, 255], light: [235, 235, 235, 255] }),
        ),
      };
    case 'low-contrast': {
      const dark = 90 + Math.floor(random() * 30);
      const light = dark + 45 + Math.floor(random() * 30);
      return {
        category,
        text,
        image: renderQr(text, { ...options(4), dark: [dark, dark, dark, 255], light: [light, light, light, 255] }),
      };
    }
    case 'blurred': {
      // σ ≈ 0.3–0.4 module (3 box passes of radius r ≈ 0.3 module; r ≥ 1 needs modules ≥ 4 px).
      // Much more blur erases single modules and no threshold brings them back.
      const moduleSize = Math.max(4, moduleFor(text, side, 4, false));
      return {
        category,
        text,
        image: blur(renderQr(text, { quietZone: 4, moduleSize }), Math.max(1, Math.round(moduleSize * 0.3))),
      };
    }
    case 'noisy':
      return { category, text, image: noise(renderQr(text, options(4)), 40 + random() * 40, seed) };
    case 'screenshot': {
      const qr = renderQr(text, { quietZone: 4, moduleSize: 2 + Math.floor(random() * 4) });
      const x = Math.floor(random() * (1280 - qr.width));
      const y = 64 + Math.floor(random() * (800 - 64 - qr.height));
      return { category, text, image: screenshot(qr, x, y, seed) };
    }
    case 'bitmap-2x': {
      const o = options(4);
      return {
        category,
        text,
        image: renderQr(text, { ...o, moduleSize: 2 * Math.max(2, Math.round((o.moduleSize ?? 4) / 2)) }),
      };
    }
  }
}

/** `perCategory` cases of every category, from one seed. */
export function corpus(perCategory: number, seed = 20240601): Case[] {
  const random = rng(seed);
  return CATEGORIES.flatMap((category, c) =>
    Array.from({ length: perCategory }, (_, i) => make(category, random, seed + c * 1000 + i)),
  );
}
