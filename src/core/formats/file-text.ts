/**
 * Reading the text fields of other apps' backup files: each decoding failure is a corrupt file (a
 * typed import error), never a replacement character or a silent zero. The crypto these files use
 * is in core/crypto.
 */
import { decodeBase64 } from '../bytes/base64';
import { toHex } from '../crypto';
import { corrupt } from './import-errors';

export const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

/** Strict UTF-8 decoding; invalid bytes are a corrupt file, not U+FFFD. */
export function fromUtf8(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw corrupt(`${what} is not UTF-8 text`, cause);
  }
}

export function fromHex(text: string, what: string): Uint8Array {
  if (text.length % 2 !== 0 || /[^0-9a-f]/i.test(text)) throw corrupt(`${what} is not hex`);
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Base64 (standard or URL-safe) whose failure is a corrupt file. */
export function fromBase64(text: string, what: string): Uint8Array {
  try {
    return decodeBase64(text.trim());
  } catch (cause) {
    throw corrupt(`${what} is not base64`, cause);
  }
}

/** A random RFC 9562 §5.4 version-4 UUID from injected randomness. */
export function uuidFrom(random: (n: number) => Uint8Array): string {
  const b = random(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = toHex(b);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
