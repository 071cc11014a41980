/**
 * Camera frames from Aegis's QrCodeAnalyzerTest (GPL-3.0 test data, read from ../shared only; see
 * peer-fixtures/aegis/README.md): gzip'd raw 8-bit luminance planes, one with row padding (stride).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeQr, type RgbaImage } from '../../../src/core/qr';
import { loadJson, sharedUrl } from '../fixtures';
import { peerFixturesPresent } from '../../peer-fixtures';

interface QrFixture {
  format: string;
  qrText: string;
}
const files = peerFixturesPresent
  ? loadJson<{ files: Record<string, QrFixture> }>('peer-fixtures/aegis/expected.json').files
  : {};

/** Geometry as expected.json states it ("width 1600, height 1200, row stride 1600"). */
function geometry(name: string): { width: number; height: number; stride: number; text: string } {
  const fixture = files[name];
  const match = /width (\d+), height (\d+), row stride (\d+)/.exec(fixture?.format ?? '');
  if (!fixture || !match) throw new Error(`no geometry for ${name}`);
  return { width: Number(match[1]), height: Number(match[2]), stride: Number(match[3]), text: fixture.qrText };
}

/** Grey plane with `stride` bytes per row → packed opaque RGBA. */
function lumaToRgba(luma: Uint8Array, width: number, height: number, stride: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = luma[y * stride + x]!;
      data.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return { data, width, height };
}

describe.skipIf(!peerFixturesPresent)('Aegis camera frames', () => {
  it.each(['qr.y.gz', 'qr.strided.y.gz'])('%s decodes to the expected otpauth URI', (name) => {
    const { width, height, stride, text } = geometry(name);
    const luma = gunzipSync(readFileSync(sharedUrl(`peer-fixtures/aegis/${name}`)));
    // The last row is not padded (README): (height − 1) × stride + width bytes.
    expect(luma.length).toBe((height - 1) * stride + width);
    // Camera frames are large and textured (slow for jsQR's locator); lift the time budget so the
    // result does not depend on how busy the test machine is.
    const found = decodeQr(lumaToRgba(luma, width, height, stride), { budgetMs: 60_000 });
    expect(found?.text).toBe(text);
  });

  it('ignoring the row padding of the strided frame shears the image and nothing is found', () => {
    const { width, height } = geometry('qr.strided.y.gz');
    const luma = gunzipSync(readFileSync(sharedUrl('peer-fixtures/aegis/qr.strided.y.gz')));
    expect(decodeQr(lumaToRgba(luma, width, height, width), { budgetMs: 60_000 })).toBeNull();
  });
});
