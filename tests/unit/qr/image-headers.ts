/**
 * Crafted image headers for the size check (finding 9): each format's smallest header that states a
 * width and height, so a test can declare any size without encoding the pixels. A lying header is
 * exactly what a decompression bomb is.
 */
import { crc32, deflateSync } from 'node:zlib';

const u16be = (n: number) => [(n >>> 8) & 0xff, n & 0xff];
const u16le = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u24le = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff];
const u32le = (n: number) => [...u16le(n & 0xffff), ...u16le(n >>> 16)];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** One PNG chunk: length, type, data and CRC (also the e2e fixtures' small PNG encoder's). */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A PNG that declares width×height (8-bit grey) and carries a few rows of zeros: small on disk, huge decoded. */
export function bombPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const rows = deflateSync(Buffer.alloc((width + 1) * Math.min(height, 64)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** SOI, an APP0 (JFIF) segment, padding fill bytes, then SOFn with the size. */
export const jpeg = (width: number, height: number, sof = 0xc0) =>
  new Uint8Array([
    0xff,
    0xd8,
    0xff,
    0xe0,
    ...u16be(16),
    ...ascii('JFIF'),
    0,
    1,
    1,
    0,
    0,
    1,
    0,
    1,
    0,
    0,
    0xff,
    0xff,
    sof,
    ...u16be(17),
    8,
    ...u16be(height),
    ...u16be(width),
    3,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ]);

/** GIF89a with a logical screen and one image descriptor at (left, top) of frameWidth×frameHeight. */
export const gif = (width: number, height: number, frame: [number, number, number, number] = [0, 0, width, height]) =>
  new Uint8Array([
    ...ascii('GIF89a'),
    ...u16le(width),
    ...u16le(height),
    0x80,
    0,
    0,
    0,
    0,
    0,
    0xff,
    0xff,
    0xff, // 2-colour global table
    0x21,
    0xf9,
    4,
    0,
    0,
    0,
    0,
    0, // graphic control extension
    0x2c,
    ...frame.flatMap(u16le),
    0,
    2,
    2,
    0x44,
    0x01,
    0, // descriptor, LZW min size, one data block
    0x3b,
  ]);

const riff = (chunk: string, data: number[]) =>
  new Uint8Array([
    ...ascii('RIFF'),
    ...u32le(4 + 8 + data.length),
    ...ascii('WEBP'),
    ...ascii(chunk),
    ...u32le(data.length),
    ...data,
  ]);

export const webpVp8x = (width: number, height: number) =>
  riff('VP8X', [0, 0, 0, 0, ...u24le(width - 1), ...u24le(height - 1)]);
export const webpVp8l = (width: number, height: number) => {
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14);
  return riff('VP8L', [0x2f, ...u32le(bits >>> 0), 0, 0]);
};
export const webpVp8 = (width: number, height: number) =>
  riff('VP8 ', [0x50, 0x02, 0x00, 0x9d, 0x01, 0x2a, ...u16le(width), ...u16le(height), 0, 0]);

/** BITMAPINFOHEADER (40 bytes); `height` negative for top-down rows. */
export const bmp = (width: number, height: number) =>
  new Uint8Array([
    ...ascii('BM'),
    ...u32le(54),
    0,
    0,
    0,
    0,
    ...u32le(54),
    ...u32le(40),
    ...u32le(width >>> 0),
    ...u32le(height >>> 0),
    ...u16le(1),
    ...u16le(24),
    ...new Array(24).fill(0),
  ]);
/** BITMAPCOREHEADER (OS/2, 12 bytes): 16-bit sides. */
export const bmpCore = (width: number, height: number) =>
  new Uint8Array([
    ...ascii('BM'),
    ...u32le(26),
    0,
    0,
    0,
    0,
    ...u32le(26),
    ...u32le(12),
    ...u16le(width),
    ...u16le(height),
    ...u16le(1),
    ...u16le(24),
  ]);
