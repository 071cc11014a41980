/**
 * Base64 (RFC 4648 §4, and the URL-safe alphabet of §5) for the migration payload and the vault blob.
 * Written out rather than atob() so the accepted alphabet is explicit and errors are typed. Table
 * lookups over char codes and bytes: a 1 MB vault blob (1000 accounts) is decoded on every unlock and
 * encoded on every write, and the first version (indexOf per character, a string built 4 characters at a
 * time) took ~25 ms and ~120 ms for it (issue 16).
 */
import { CoreError } from '../errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = new TextEncoder().encode(ALPHABET);
/** Char code → digit, −1 outside the alphabet; `-` and `_` are §5's digits 62 and 63. */
const DIGITS = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) DIGITS[ALPHABET.charCodeAt(i)] = i;
DIGITS[0x2d] = 62;
DIGITS[0x5f] = 63;
const PAD = 0x3d;

/** Decodes standard or URL-safe base64, with or without padding; throws `migration/bad-payload`. */
export function decodeBase64(input: string): Uint8Array {
  let end = input.length;
  while (end > 0 && input.charCodeAt(end - 1) === PAD) end--;
  if (end % 4 === 1) throw invalid('impossible length');
  const out = new Uint8Array(Math.floor((end * 6) / 8));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (let i = 0; i < end; i++) {
    const code = input.charCodeAt(i);
    const digit = code < 128 ? DIGITS[code]! : -1;
    if (digit < 0) throw invalid('character outside the base64 alphabet');
    value = ((value << 6) | digit) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >>> bits) & 0xff;
    }
  }
  return out;
}

/** Encodes bytes as standard, padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const n = (bytes[i]! << 16) | ((rest > 1 ? bytes[i + 1]! : 0) << 8) | (rest > 2 ? bytes[i + 2]! : 0);
    out[o++] = CODES[(n >>> 18) & 63]!;
    out[o++] = CODES[(n >>> 12) & 63]!;
    out[o++] = rest > 1 ? CODES[(n >>> 6) & 63]! : PAD;
    out[o++] = rest > 2 ? CODES[n & 63]! : PAD;
  }
  // ASCII bytes: their UTF-8 decoding is the string itself.
  return new TextDecoder().decode(out);
}

function invalid(reason: string): CoreError {
  return new CoreError('migration/bad-payload', `Invalid base64 payload: ${reason}`, 'data');
}
