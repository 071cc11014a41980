import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cropRgba, decodeQr, scaleRect, scaleRgba, type RgbaImage } from '../../../src/core/qr';
import { blank, place, renderQr } from './render';

const URI = 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';

/** Image whose pixel (x, y) is rgba(x, y, 7, 255): every crop can be checked against coordinates. */
function coordinates(width: number, height: number): RgbaImage {
  const image = blank(width, height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) image.data.set([x, y, 7, 255], (y * width + x) * 4);
  return image;
}

describe('cropRgba', () => {
  it('rounds the rect outward and copies exactly those pixels', () => {
    const crop = cropRgba(coordinates(50, 40), { x: 10.4, y: 5.6, width: 3.2, height: 2 });
    expect(crop && [crop.width, crop.height]).toEqual([4, 3]); // x 10..13, y 5..7
    expect(Array.from(crop?.data.subarray(0, 4) ?? [])).toEqual([10, 5, 7, 255]);
    expect(Array.from(crop?.data.subarray(-4) ?? [])).toEqual([13, 7, 7, 255]);
  });

  it('clips to the image and returns null when nothing is left', () => {
    expect(cropRgba(coordinates(50, 40), { x: -5, y: 30, width: 20, height: 50 })).toMatchObject({
      width: 15,
      height: 10,
    });
    expect(cropRgba(coordinates(50, 40), { x: 60, y: 0, width: 10, height: 10 })).toBeNull();
    expect(cropRgba(coordinates(50, 40), { x: 5, y: 5, width: 0, height: 10 })).toBeNull();
  });

  it('any rect inside the image keeps every pixel where it was (property)', () => {
    const image = coordinates(64, 48);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 63 }),
        fc.integer({ min: 0, max: 47 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 48 }),
        (x, y, w, h) => {
          const crop = cropRgba(image, { x, y, width: w, height: h });
          if (!crop) return false;
          const px = crop.width - 1;
          const py = crop.height - 1;
          const i = (py * crop.width + px) * 4;
          return (
            crop.width === Math.min(w, 64 - x) &&
            crop.height === Math.min(h, 48 - y) &&
            crop.data[i] === x + px &&
            crop.data[i + 1] === y + py
          );
        },
      ),
    );
  });

  it('crops a QR out of a DPR-2 screenshot by the element rect × devicePixelRatio', () => {
    const shot = place(blank(1000, 700), renderQr(URI, { moduleSize: 4 }), 402, 300);
    const qrCss = { x: 201, y: 150, width: 82, height: 82 }; // 164 device px / 2
    const crop = cropRgba(shot, scaleRect(qrCss, 2));
    expect(crop && decodeQr(crop)?.text).toBe(URI);
  });
});

describe('scaleRgba', () => {
  it('nearest-neighbour upscale keeps hard module edges', () => {
    const image = coordinates(3, 2);
    const up = scaleRgba(image, 2);
    expect([up.width, up.height]).toEqual([6, 4]);
    expect(Array.from(up.data.subarray((3 * 6 + 5) * 4, (3 * 6 + 5) * 4 + 4))).toEqual([2, 1, 7, 255]);
  });

  it('downscale averages, weighting colour by alpha (transparent black does not darken)', () => {
    const image = blank(2, 2, [0, 0, 0, 0]);
    image.data.set([200, 100, 50, 255], 0);
    const down = scaleRgba(image, 0.5);
    expect(Array.from(down.data)).toEqual([200, 100, 50, 64]);
  });

  it('handles fractional factors and keeps at least 1×1', () => {
    expect(scaleRgba(coordinates(10, 10), 0.75)).toMatchObject({ width: 8, height: 8 });
    expect(scaleRgba(coordinates(10, 10), 0.01)).toMatchObject({ width: 1, height: 1 });
    expect(() => scaleRgba(coordinates(2, 2), 0)).toThrow(RangeError);
  });

  it('a QR survives 0.5× and 2.5× scaling', () => {
    const qr = renderQr(URI, { moduleSize: 6 });
    expect(decodeQr(scaleRgba(qr, 0.5))?.text).toBe(URI);
    expect(decodeQr(scaleRgba(qr, 2.5))?.text).toBe(URI);
  });
});
