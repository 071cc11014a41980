/**
 * Base64 (RFC 4648 §4, and the URL-safe alphabet of §5) for the migration payload.
 * Written out rather than atob() so the accepted alphabet is explicit and errors are typed.
 */
import { CoreError } from '../errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard or URL-safe base64, with or without padding; throws `migration/bad-payload`. */
export function decodeBase64(input: string): Uint8Array {
  const text = input.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (text.length % 4 === 1) throw invalid('impossible length');
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
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
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET.charAt((n >>> 18) & 63) + ALPHABET.charAt((n >>> 12) & 63);
    out += i + 1 < bytes.length ? ALPHABET.charAt((n >>> 6) & 63) : '=';
    out += i + 2 < bytes.length ? ALPHABET.charAt(n & 63) : '=';
  }
  return out;
}

function invalid(reason: string): CoreError {
  return new CoreError('migration/bad-payload', `Invalid base64 payload: ${reason}`, 'data');
}
