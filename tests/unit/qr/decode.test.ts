import { describe, expect, it } from 'vitest';
import { decodeQr, decodeQrPausing, type RgbaImage } from '../../../src/core/qr';
import { blank, blur, invert, noise, place, randomImage, renderQr, screenshot } from './render';

const URI = 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';
const LONG = `otpauth://totp/ACME%20Co:john.doe@email.com?secret=${'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ'.repeat(2)}&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=60`;

/** Nearest-neighbour resize by a (possibly fractional) factor, as a screenshot at 2× DPR would show it. */
function resize(image: RgbaImage, factor: number): RgbaImage {
  const width = Math.round(image.width * factor);
  const height = Math.round(image.height * factor);
  const out = blank(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = (Math.floor(y / factor) * image.width + Math.floor(x / factor)) * 4;
      out.data.set(image.data.subarray(s, s + 4), (y * width + x) * 4);
    }
  }
  return out;
}

describe('decodeQr: what pages show', () => {
  it.each<[string, () => RgbaImage, string?]>([
    ['plain, 4 px modules', () => renderQr(URI)],
    ['long URI (version ≥ 8), 3 px modules', () => renderQr(LONG, { moduleSize: 3 }), LONG],
    ['transparent background (alpha 0, rgb 0 where white should be)', () => renderQr(URI, { light: [0, 0, 0, 0] })],
    [
      'transparent, light modules meant for a dark page',
      () => renderQr(URI, { dark: [255, 255, 255, 255], light: [0, 0, 0, 0] }),
    ],
    ['no quiet zone', () => renderQr(URI, { quietZone: 0 })],
    ['no quiet zone, inverted', () => invert(renderQr(URI, { quietZone: 0 }))],
    ['1-px modules', () => renderQr(URI, { moduleSize: 1 })],
    ['1-px modules, no quiet zone', () => renderQr(URI, { moduleSize: 1, quietZone: 0 })],
    ['non-integer scale 2.5× (bilinear)', () => renderQr(URI, { moduleSize: 2.5 })],
    ['non-integer scale 1.5×, 2-module quiet zone', () => renderQr(URI, { moduleSize: 1.5, quietZone: 2 })],
    ['inverted (light on dark)', () => invert(renderQr(URI))],
    ['low contrast: gray 100 on 160', () => renderQr(URI, { dark: [100, 100, 100, 255], light: [160, 160, 160, 255] })],
    [
      'coloured: dark blue on pale yellow',
      () => renderQr(URI, { dark: [20, 40, 120, 255], light: [255, 250, 210, 255] }),
    ],
    ['blurred (σ ≈ 0.35 module)', () => blur(renderQr(URI, { moduleSize: 6 }), 2)],
    ['noisy (±60)', () => noise(renderQr(URI), 60, 7)],
    ['blurred and noisy', () => noise(blur(renderQr(URI, { moduleSize: 6 }), 1), 40, 8)],
    [
      'inside a 1280×800 screenshot with other content',
      () => screenshot(renderQr(URI, { moduleSize: 3 }), 900, 420, 1),
    ],
    ['2× bitmap (DPR 2 screenshot)', () => resize(renderQr(URI), 2)],
    ['offset inside a bigger canvas', () => place(blank(500, 400, [240, 240, 240, 255]), renderQr(URI), 260, 150)],
  ])('%s', (_name, make, expected = URI) => {
    expect(decodeQr(make())?.text).toBe(expected);
  });

  it('reports the location in input pixels, whatever the preprocessing', () => {
    // 33 modules + 2×4 quiet zone at 4 px → finder corner at (16, 16) of the QR, QR placed at (300, 200).
    const shot = place(blank(640, 480), renderQr(URI), 300, 200);
    const found = decodeQr(shot);
    expect(found?.location.topLeft.x).toBeCloseTo(316, -1);
    expect(found?.location.topLeft.y).toBeCloseTo(216, -1);

    const tiny = renderQr(URI, { moduleSize: 1.5, quietZone: 2 }); // only decodes padded and upscaled
    const small = decodeQr(tiny);
    expect(small?.attempt).toBe('upscale-smooth');
    // 2-module quiet zone at 1.5 px → the symbol spans 3 … height − 3, within a pixel.
    expect(Math.abs((small?.location.topLeft.x ?? NaN) - 3)).toBeLessThan(1);
    expect(Math.abs((small?.location.bottomRight.y ?? NaN) - (tiny.height - 3))).toBeLessThan(1);
  });

  it('downscales bitmaps above maxPixels instead of scanning them at full size', () => {
    const found = decodeQr(renderQr(URI, { moduleSize: 12 }), { maxPixels: 100_000 });
    expect(found?.text).toBe(URI);
    expect(found?.attempt).toMatch(/^downscale-/);
  });
});

describe('decodeQr: nothing to find is null, not an error', () => {
  it.each<[string, () => RgbaImage]>([
    ['blank white', () => blank(300, 300)],
    ['fully transparent', () => blank(300, 300, [0, 0, 0, 0])],
    ['random noise', () => randomImage(320, 240, 42)],
    ['a page without a QR', () => screenshot(blank(1, 1, [246, 247, 249, 255]), 0, 100, 3)],
    ['a 1×1 image', () => blank(1, 1, [0, 0, 0, 255])],
  ])('%s', (_name, make) => {
    expect(decodeQr(make())).toBeNull();
  });

  it('respects maxAttempts (a 1.5-px-module code needs more than the first attempt)', () => {
    expect(decodeQr(renderQr(URI, { moduleSize: 1.5, quietZone: 2 }), { maxAttempts: 1 })).toBeNull();
  });

  it('rejects a buffer whose size does not match width × height × 4', () => {
    expect(() => decodeQr({ data: new Uint8ClampedArray(10), width: 2, height: 2 })).toThrow(RangeError);
  });
});

describe('decodeQr: work bound', () => {
  it('starts no attempt after budgetMs (the first always runs)', () => {
    let clock = 0;
    const now = () => (clock += 1000); // every reading is 1 s later
    expect(decodeQr(renderQr(URI, { moduleSize: 1.5, quietZone: 2 }), { budgetMs: 500, now })).toBeNull();
    expect(decodeQr(renderQr(URI), { budgetMs: 0, now })?.text).toBe(URI);
  });

  it('decodeQrPausing counts only its attempts against budgetMs, not the pauses the worker spends elsewhere', async () => {
    let clock = 0;
    const now = () => clock;
    // Each pause: 400 ms of other work (a popup opening, a scan) before the next attempt.
    const pause = async () => void (clock += 400);
    const tiny = renderQr(URI, { moduleSize: 1.5, quietZone: 2 }); // decodes on a later attempt only
    expect((await decodeQrPausing(tiny, { budgetMs: 750, now }, pause))?.text).toBe(URI);
  });
});
