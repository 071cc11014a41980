/** Byte-level tools for tampering with sealed blobs in tests. */
import { createHash } from 'node:crypto';
import { decodeBase64, encodeBase64 } from '../../../src/core/bytes/base64';

export const ITERATIONS = 1000;
export const PASSWORD = 'correct horse battery staple';

export function blobBytes(blob: string): Uint8Array {
  return decodeBase64(blob);
}

export function blobString(bytes: Uint8Array): string {
  return encodeBase64(bytes);
}

/** A copy of `blob` with one bit flipped (the checksum is NOT fixed up). */
export function flipBit(blob: string, index: number, bit: number): string {
  const bytes = blobBytes(blob);
  bytes[index] = (bytes[index] ?? 0) ^ (1 << bit);
  return blobString(bytes);
}

/** Applies `edit` to the body and recomputes the trailing SHA-256, like a deliberate forger would. */
export function forge(blob: string, edit: (body: Uint8Array) => void): string {
  const bytes = blobBytes(blob);
  const body = bytes.slice(0, bytes.length - 32);
  edit(body);
  const checksum = createHash('sha256').update(body).digest();
  const out = new Uint8Array(body.length + 32);
  out.set(body);
  out.set(checksum, body.length);
  return blobString(out);
}

/** Deterministic "random" bytes: a counter, so tests can locate each draw in the blob. */
export function countingRandom(start = 1): (n: number) => Uint8Array {
  let next = start;
  return (n) => Uint8Array.from({ length: n }, () => next++ & 0xff);
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
export const fromUtf8 = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
