/**
 * Validation of the Key URI parameters (wiki "Key-Uri-Format", Parameters). Each function takes
 * the decoded value (undefined = absent) and returns a typed value or throws a CoreError.
 */
import { decodeBase32, normalizeBase32 } from '../bytes/base32';
import { CoreError, isCoreError } from '../errors';
import { ALGORITHMS, DEFAULTS, MAX_DIGITS, MAX_PERIOD, MIN_DIGITS, type Algorithm } from '../otp/types';

/**
 * Longest key we take in: 1024 base32 characters (640 bytes). Real keys are 10–64 bytes (16–103
 * characters; the longest in the otpauth URI test vectors is 156 characters); anything near the cap
 * is a damaged or crafted file. Checked where keys come IN only: the vault reads back what it stored.
 */
export const MAX_SECRET_CHARS = 1024;
export const MAX_SECRET_BYTES = (MAX_SECRET_CHARS * 5) / 8;

export const secretTooLong = (): CoreError =>
  new CoreError('uri/secret-too-long', `The secret is longer than ${MAX_SECRET_CHARS} characters`, 'secret');

/** secret: REQUIRED base32; see ../bytes/base32.ts for what "strict" allows; `uri/secret-too-long` over the cap. */
export function parseSecret(value: string | undefined): Uint8Array {
  if (value === undefined || value.trim() === '') {
    throw new CoreError('uri/missing-secret', 'The secret parameter is required', 'secret');
  }
  const text = normalizeBase32(value);
  if (text.length > MAX_SECRET_CHARS) throw secretTooLong();
  try {
    return decodeBase32(text);
  } catch (cause) {
    if (!isCoreError(cause)) throw cause;
    throw new CoreError('uri/bad-secret', `The secret is not valid base32: ${cause.message}`, 'secret', { cause });
  }
}

/**
 * algorithm: SHA1 (default), SHA256, SHA512, any case (Ente exports "sha512"). Everything else
 * is rejected, including SHA3-* and SHA224/384 that hectorm/otpauth accepts: WebCrypto HMAC
 * cannot compute SHA3, and SHA224/384 appear in no authenticator app.
 */
export function parseAlgorithm(value: string | undefined): Algorithm {
  if (value === undefined) return DEFAULTS.algorithm;
  const upper = value.toUpperCase();
  const found = ALGORITHMS.find((algorithm) => algorithm === upper);
  if (found === undefined) throw new CoreError('uri/bad-algorithm', 'Unsupported algorithm', 'algorithm');
  return found;
}

/** digits: 6 (default), 7 or 8 (RFC 4226 §5.3 requires at least 6; the wiki names 6 and 8). */
export function parseDigits(value: string | undefined): number {
  if (value === undefined) return DEFAULTS.digits;
  const digits = /^[0-9]$/.test(value) ? Number(value) : Number.NaN;
  if (!(digits >= MIN_DIGITS && digits <= MAX_DIGITS)) {
    throw new CoreError('uri/bad-digits', `Digits must be ${MIN_DIGITS} to ${MAX_DIGITS}`, 'digits');
  }
  return digits;
}

/** period: totp only; a positive integer number of seconds, at most MAX_PERIOD (RFC 6238 §4.1 X). */
export function parsePeriod(value: string | undefined): number {
  if (value === undefined) return DEFAULTS.period;
  const period = /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(period <= MAX_PERIOD)) {
    throw new CoreError('uri/bad-period', `Period must be 1 to ${MAX_PERIOD} seconds`, 'period');
  }
  return period;
}

/**
 * counter: REQUIRED for hotp (wiki; hectorm/otpauth also rejects a missing one). A decimal
 * integer up to 2^53 - 1, which covers the 64-bit test counters (10^10) exactly.
 */
export function parseCounter(value: string | undefined): number {
  const counter = value !== undefined && /^[0-9]{1,16}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(counter)) {
    throw new CoreError('uri/bad-counter', 'An hotp URI needs a non-negative integer counter', 'counter');
  }
  return counter;
}
