/**
 * The background reads at most MAX_READ_PIXELS of a page's image (platform/image-decode.ts): a
 * bigger one is scaled down by the decoder (createImageBitmap's resize) before its pixels are read
 * and handed to decodeQr. Node has neither createImageBitmap nor OffscreenCanvas: the decoder is a
 * fake that scales our own rendering with an area average (what a high-quality resize does), and the
 * canvas hands back the bitmap's pixels. Chromium's real resize: tests/e2e/big-qr.test.ts (a 2000-px
 * cross-origin PNG, fetched by the background and read at 1 MP).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeQr, fitWithin, scaleRgba, type RgbaImage } from '../../../src/core/qr';
import { imageToRgba } from '../../../src/platform/image-decode';
import { MAX_READ_PIXELS } from '../../../src/background/enroll/decode-queue';
import { bombPng } from './image-headers';
import { randomImage, renderQr } from './render';

/** A canvas whose getImageData returns the pixels of the last bitmap drawn on it. */
class FakeCanvas {
  drawn: RgbaImage | undefined;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}
  getContext() {
    return {
      fillRect: () => undefined,
      drawImage: (bitmap: { image: RgbaImage }) => (this.drawn = bitmap.image),
      getImageData: () => this.drawn,
    };
  }
}

/** Decodes `image` (the header says its size), scaled to what imageToRgba asks for. */
function fakeDecoder(image: RgbaImage) {
  const asked: ({ width: number; height: number } | undefined)[] = [];
  const decode = async (_blob: Blob, size?: { width: number; height: number }) => {
    asked.push(size);
    const out = size ? scaleRgba(image, size.width / image.width) : image;
    return { width: out.width, height: out.height, image: out, close: () => undefined } as unknown as ImageBitmap;
  };
  return { asked, decode };
}

const header = (image: RgbaImage) => new Blob([new Uint8Array(bombPng(image.width, image.height))]);

afterEach(() => vi.unstubAllGlobals());

describe('imageToRgba: scaled down to at most maxPixels before it is read', () => {
  it('fitWithin keeps the aspect and the pixel bound', () => {
    expect(fitWithin({ width: 4096, height: 4096 }, 2_000_000)).toEqual({ width: 1414, height: 1414 });
    expect(fitWithin({ width: 8000, height: 2000 }, 2_000_000)).toEqual({ width: 2828, height: 707 });
    expect(fitWithin({ width: 640, height: 480 }, 2_000_000)).toEqual({ width: 640, height: 480 });
    expect(fitWithin({ width: 2000, height: 2000 }, MAX_READ_PIXELS)).toEqual({ width: 1000, height: 1000 });
  });

  it('a big real QR (2000×2000, the most a page may offer) is read at 1 MP and still decodes', async () => {
    vi.stubGlobal('OffscreenCanvas', FakeCanvas);
    const text = 'otpauth://totp/Big%20Bank:ann@big-bank.test?secret=JBSWY3DPEHPK3PXP&issuer=Big%20Bank';
    const big = renderQr(text, { moduleSize: 2000 / 45, quietZone: 4 });
    const { asked, decode } = fakeDecoder(big);
    const rgba = await imageToRgba(header(big), decode, MAX_READ_PIXELS);
    expect(asked).toEqual([fitWithin(big, MAX_READ_PIXELS)]);
    expect(rgba.width * rgba.height).toBeLessThanOrEqual(MAX_READ_PIXELS);
    // How fast it decodes is the benchmark's to say (npm run bench, QR decode); a timed test fails on a busy machine.
    expect(decodeQr(rgba)?.text).toBe(text);
  });

  it('a big non-QR image (2000×2000 noise) is read at 1 MP: its decode is bounded', async () => {
    vi.stubGlobal('OffscreenCanvas', FakeCanvas);
    const big = randomImage(2000, 2000, 9);
    const { decode } = fakeDecoder(big);
    const rgba = await imageToRgba(header(big), decode, MAX_READ_PIXELS);
    expect(rgba.width * rgba.height).toBeLessThanOrEqual(MAX_READ_PIXELS);
    expect(decodeQr(rgba)).toBeNull();
  });

  it('control: an image under the bound, or with no bound (a capture), is read at full size', async () => {
    vi.stubGlobal('OffscreenCanvas', FakeCanvas);
    const small = randomImage(300, 200, 1);
    const { asked, decode } = fakeDecoder(small);
    expect((await imageToRgba(header(small), decode, MAX_READ_PIXELS)).width).toBe(300);
    expect((await imageToRgba(header(small), decode)).width).toBe(300);
    expect(asked).toEqual([undefined, undefined]);
  });
});
