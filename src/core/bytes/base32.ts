/**
 * Base32 (RFC 4648 §6, the "RFC 3548" alphabet the Key URI format names) for OTP secrets.
 *
 * Decoding is strict about what could hide a typo, tolerant of how people and apps write keys:
 * - case-insensitive; spaces, tabs and hyphens (grouped keys "NMC2 NUFE ...") are removed;
 * - trailing "=" padding is removed (andOTP exports padded keys); "=" elsewhere is rejected;
 * - any character outside A–Z2–7 is rejected (0, 1, 8 and 9 are common typos);
 * - lengths that cannot come from whole bytes (1, 3 or 6 chars mod 8) are rejected;
 * - non-zero trailing bits are ignored, NOT rejected: real keys carry them
 *   (pyotp's test key FFFFFFFAAAAAABBBBBBB) and Google Authenticator accepts them.
 */
import { CoreError } from '../errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Remainders (chars mod 8) that end on a whole byte: 0, 2, 4, 5, 7 chars → 0, 1, 2, 3, 4 bytes. */
const VALID_REMAINDERS = new Set([0, 2, 4, 5, 7]);
const PAD = 0x3d;

/**
 * Upper-cases and removes separators and trailing padding; does not validate. The padding is trimmed
 * by a loop: `/=+$/` retries from every "=" of a long run that is not at the end, and 150,000 of them
 * before a letter took ~8 s (review of the import path).
 */
export function normalizeBase32(input: string): string {
  const text = input.toUpperCase().replace(/[\s-]+/g, '');
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === PAD) end--;
  return text.slice(0, end);
}

/** Decodes a base32 key; throws `base32/invalid` (field `secret`) on anything not a whole key. */
export function decodeBase32(input: string): Uint8Array {
  const text = normalizeBase32(input);
  if (text.length === 0) throw invalid('empty key');
  if (!VALID_REMAINDERS.has(text.length % 8)) throw invalid(`impossible length ${text.length}`);
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) throw invalid('character outside the base32 alphabet');
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >>> bits) & 0xff;
    }
  }
  return out;
}

/** Encodes bytes as upper-case base32 without padding (the Key URI format says to omit it). */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET.charAt((value >>> bits) & 31);
    }
  }
  if (bits > 0) out += ALPHABET.charAt((value << (5 - bits)) & 31);
  return out;
}

function invalid(reason: string): CoreError {
  return new CoreError('base32/invalid', `Invalid base32 key: ${reason}`, 'secret');
}
