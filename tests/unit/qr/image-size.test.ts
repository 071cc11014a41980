/**
 * Finding 9: an image's size is read from its header and refused before anything decodes it. The
 * headers are crafted (tests/unit/qr/image-headers.ts); real encoders' output is covered by the PNG
 * from `qrcode` and by the e2e enrollments of PNG/JPEG/GIF/WebP QR images.
 */
import { describe, expect, it, vi } from 'vitest';
import QRCode from 'qrcode';
import {
  animated,
  checkDecodable,
  imageSize,
  ImageRefused,
  MAX_DECODE_PIXELS,
  MAX_OFFERED_PIXELS,
} from '../../../src/core/qr';
import { imageToRgba } from '../../../src/platform/image-decode';
import { bmp, bmpCore, bombPng, gif, jpeg, pngChunk, webpVp8, webpVp8l, webpVp8x } from './image-headers';

const text = (s: string) => new TextEncoder().encode(s);

describe('imageSize', () => {
  it.each([
    [
      'a real PNG (qrcode)',
      () => QRCode.toBuffer('otpauth://totp/A?secret=JBSWY3DP', { scale: 4, margin: 4 }),
      'png',
      'square',
    ],
    ['PNG 30000×30000', () => bombPng(30000, 30000), 'png', [30000, 30000]],
    ['JPEG baseline', () => jpeg(640, 480), 'jpeg', [640, 480]],
    ['JPEG progressive (SOF2)', () => jpeg(123, 4567, 0xc2), 'jpeg', [123, 4567]],
    ['GIF', () => gif(200, 100), 'gif', [200, 100]],
    ['GIF whose frame lies outside its screen', () => gif(10, 10, [5, 0, 30000, 20]), 'gif', [30005, 20]],
    ['WebP VP8X', () => webpVp8x(16384, 3), 'webp', [16384, 3]],
    ['WebP VP8L', () => webpVp8l(1000, 16000), 'webp', [1000, 16000]],
    ['WebP VP8', () => webpVp8(320, 240), 'webp', [320, 240]],
    ['BMP', () => bmp(64, 48), 'bmp', [64, 48]],
    ['BMP top-down (negative height)', () => bmp(64, -48), 'bmp', [64, 48]],
    ['BMP OS/2 core header', () => bmpCore(300, 200), 'bmp', [300, 200]],
  ] as const)('%s', async (_name, make, format, expected) => {
    const size = imageSize(new Uint8Array(await make()));
    expect(size?.format).toBe(format);
    if (expected === 'square') expect(size!.width).toBe(size!.height);
    else expect([size!.width, size!.height]).toEqual(expected);
  });

  it.each([
    ['SVG', text('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"></svg>')],
    ['AVIF', new Uint8Array([0, 0, 0, 0x1c, ...text('ftypavif'), 0, 0, 0, 0])],
    ['HTML', text('<!doctype html><img src=x>')],
    ['empty', new Uint8Array()],
    ['a PNG signature cut short', bombPng(100, 100).subarray(0, 20)],
    ['a JPEG with no frame header before its scan', new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2, 0, 0])],
    ['a JPEG with a segment that runs past the end', jpeg(10, 10).subarray(0, 12)],
    ['a JPEG with garbage between segments', new Uint8Array([0xff, 0xd8, 0x00, 0xc0, 0, 17, 8, 0, 10, 0, 10])],
    ['a GIF cut inside its blocks', gif(10, 10).subarray(0, 30)],
    ['a WebP with an unknown chunk', new Uint8Array([...text('RIFF'), 0, 0, 0, 0, ...text('WEBPXXXX'), 0, 0, 0, 0])],
    ['a zero-sized PNG', bombPng(0, 10)],
  ])('%s: null', (_name, bytes) => {
    expect(imageSize(new Uint8Array(bytes))).toBeNull();
  });
});

describe('checkDecodable', () => {
  it.each([
    ['30000×30000 PNG', bombPng(30000, 30000)],
    ['4097×4096 PNG (one column over the pixel budget)', bombPng(4097, 4096)],
    ['a 8193×10 strip', bombPng(8193, 10)],
    ['a 10×8193 JPEG', jpeg(10, 8193)],
    ['a WebP canvas of 16384×16384', webpVp8x(16384, 16384)],
    ['a GIF frame far outside its 1×1 screen', gif(1, 1, [60000, 60000, 10, 10])],
  ])('refuses %s as image/too-large', (_name, bytes) => {
    expect(() => checkDecodable(new Uint8Array(bytes))).toThrow(expect.objectContaining({ code: 'image/too-large' }));
  });

  it('passes the largest allowed image and refuses unknown formats', () => {
    expect(checkDecodable(new Uint8Array(bombPng(4096, 4096)))).toEqual({ format: 'png', width: 4096, height: 4096 });
    expect(4096 * 4096).toBe(MAX_DECODE_PIXELS);
    expect(() => checkDecodable(text('<svg/>'))).toThrow(ImageRefused);
    expect(() => checkDecodable(text('<svg/>'))).toThrow(expect.objectContaining({ code: 'image/unknown-format' }));
  });

  it('a page-offered image is held to MAX_OFFERED_PIXELS (4 MP): 2001×2000 refused, 2000×2000 and a 600×600 QR pass', () => {
    expect(MAX_OFFERED_PIXELS).toBe(4_000_000);
    const offered = (bytes: Buffer) => checkDecodable(new Uint8Array(bytes), MAX_OFFERED_PIXELS);
    expect(() => offered(bombPng(2001, 2000))).toThrow(expect.objectContaining({ code: 'image/too-large' }));
    expect(() => offered(bombPng(4096, 4096))).toThrow(expect.objectContaining({ code: 'image/too-large' }));
    expect(offered(bombPng(2000, 2000))).toEqual({ format: 'png', width: 2000, height: 2000 });
    expect(offered(bombPng(600, 600))).toEqual({ format: 'png', width: 600, height: 600 });
    // A larger limit never lifts the decoder's own.
    expect(() => checkDecodable(new Uint8Array(bombPng(4097, 4096)), 1e9)).toThrow(ImageRefused);
  });
});

describe('animated: an image whose frames may show another QR than the one a decoder reads', () => {
  /** `png` with `chunk` put right after IHDR (an APNG's acTL, before its image data). */
  const withChunk = (png: Buffer, chunk: Buffer) => Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
  const acTL = pngChunk('acTL', Buffer.from([0, 0, 0, 2, 0, 0, 0, 0]));
  /** The GIF with its one frame (graphic control extension and image) twice. */
  const twoFrames = (one: Uint8Array) => {
    const frame = one.subarray(19, one.length - 1); // after header, screen and 2-colour table; before the trailer
    return new Uint8Array([...one.subarray(0, one.length - 1), ...frame, 0x3b]);
  };
  const flagged = (webp: Uint8Array) => {
    const copy = new Uint8Array(webp);
    copy[20]! |= 0x02; // VP8X: the animation flag
    return copy;
  };
  const withAnim = (webp: Uint8Array) => {
    const anim = [...text('ANIM'), 6, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    return new Uint8Array([...webp, ...anim]);
  };

  it.each([
    ['an APNG (acTL before IDAT)', withChunk(bombPng(100, 100), acTL)],
    ['a GIF of two frames', twoFrames(gif(100, 100))],
    ['a WebP with the VP8X animation flag', flagged(webpVp8x(100, 100))],
    ['a WebP with an ANIM chunk', withAnim(webpVp8x(100, 100))],
    ['bytes that are no image we read', text('<svg/>')],
  ])('%s: animated', (name, bytes) => {
    // Each a well-formed image (its size read), but the last.
    if (!name.startsWith('bytes')) expect(imageSize(new Uint8Array(bytes))).not.toBeNull();
    expect(animated(new Uint8Array(bytes))).toBe(true);
  });

  it.each([
    ['a real PNG (qrcode)', () => QRCode.toBuffer('otpauth://totp/A?secret=JBSWY3DP', { scale: 4, margin: 4 })],
    [
      'a PNG with acTL only after its image data (no APNG)',
      () => Buffer.concat([bombPng(10, 10).subarray(0, -12), acTL, bombPng(10, 10).subarray(-12)]),
    ],
    ['a GIF of one frame', () => gif(100, 100)],
    ['a still WebP (VP8X)', () => webpVp8x(100, 100)],
    ['a WebP (VP8L)', () => webpVp8l(100, 100)],
    ['a JPEG', () => jpeg(100, 100)],
    ['a BMP', () => bmp(100, 100)],
  ])('%s: still', async (_name, make) => {
    const bytes = new Uint8Array(await make());
    expect(imageSize(bytes)).not.toBeNull();
    expect(animated(bytes)).toBe(false);
  });
});

describe('imageToRgba: the size check runs before decoding', () => {
  it.each([
    [
      'a 30000×30000 PNG bomb (as a Blob)',
      () => new Blob([new Uint8Array(bombPng(30000, 30000))], { type: 'image/png' }),
      'image/too-large',
    ],
    [
      'the same bomb as a data: URL',
      () => `data:image/png;base64,${bombPng(30000, 30000).toString('base64')}`,
      'image/too-large',
    ],
    [
      'an SVG labelled image/png',
      () => new Blob([text('<svg xmlns="http://www.w3.org/2000/svg"/>')], { type: 'image/png' }),
      'image/unknown-format',
    ],
  ])('%s: refused, the decoder is never called', async (_name, source, code) => {
    const decode = vi.fn();
    await expect(imageToRgba(source(), decode)).rejects.toMatchObject({ code });
    expect(decode).not.toHaveBeenCalled();
  });

  it('an image within the limits reaches the decoder; one the decoder finds larger than declared is refused', async () => {
    const bitmap = { width: 5000, height: 5000, close: vi.fn() };
    const decode = vi.fn(async () => bitmap as unknown as ImageBitmap);
    await expect(imageToRgba(new Blob([new Uint8Array(bombPng(100, 100))]), decode)).rejects.toThrow(
      /larger than its header/,
    );
    expect(decode).toHaveBeenCalledOnce();
    expect(bitmap.close).toHaveBeenCalled();
  });
});
