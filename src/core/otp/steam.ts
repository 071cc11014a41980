/**
 * Steam Guard codes: the RFC 4226 §5.3 dynamic truncation of HMAC-SHA1(K, floor(t / 30)),
 * kept as the full 31-bit value, written as 5 characters of a 26-letter alphabet
 * (least significant first). There is no RFC; the algorithm is the one Steam's mobile app uses,
 * as implemented by pyotp (Steam class) and KeePassXC (tests assert codes captured from the app).
 */
import { CoreError } from '../errors';

export const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';
const STEAM_LENGTH = 5;

/**
 * `hotp(digits)` must return the RFC 4226 HOTP value as a decimal string. With 10 digits the
 * "mod 10^Digit" step of §5.3 is a no-op, because 10^10 > 2^31 > every truncated value, so the
 * string is the whole 31-bit number (zero-padded).
 */
export function steamCode(hotp: (digits: number) => string): string {
  const full = hotp(10);
  let value = Number.parseInt(full, 10);
  if (full.length !== 10 || !Number.isSafeInteger(value) || value < 0 || value > 0x7fffffff) {
    throw new CoreError('otp/bad-params', 'Expected the full 31-bit truncated value');
  }
  let code = '';
  for (let i = 0; i < STEAM_LENGTH; i++) {
    code += STEAM_ALPHABET.charAt(value % STEAM_ALPHABET.length);
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}
