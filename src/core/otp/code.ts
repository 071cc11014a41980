/**
 * OTP code generation over the `otpauth` package (its HMAC and RFC 4226 §5.3 truncation).
 * Time is always passed in: core has no clock (ARCHITECTURE rule 2).
 */
import { HOTP, Secret } from 'otpauth';
import { CoreError } from '../errors';
import { steamCode } from './steam';
import { ALGORITHMS, MAX_DIGITS, MAX_PERIOD, MIN_DIGITS, STEAM, type OtpParams } from './types';

/**
 * The moving factor for `nowMs`: RFC 6238 §4.2 T = floor((now - T0) / X) with T0 = 0
 * for totp and steam; the stored counter for hotp (RFC 4226 §5.2).
 */
export function counterAt(params: OtpParams, nowMs: number): number {
  assertValid(params);
  if (params.type === 'hotp') return params.counter;
  if (!Number.isFinite(nowMs) || nowMs < 0) throw bad('time must be a non-negative number');
  return Math.floor(nowMs / (params.period * 1000));
}

/**
 * Whole seconds until the code changes, in 1..period (ceil, so a UI never shows 0).
 * RFC 6238 §4.2: a step ends at the next multiple of X after T0 = 0.
 * Throws `otp/bad-params` for hotp, whose codes do not expire with time.
 */
export function secondsLeft(params: OtpParams, nowMs: number): number {
  if (params.type === 'hotp') throw bad('hotp codes do not expire');
  counterAt(params, nowMs);
  const stepMs = params.period * 1000;
  return Math.ceil((stepMs - (nowMs % stepMs)) / 1000);
}

/**
 * The code shown to the user at `nowMs`.
 * - hotp: HOTP(K, C) of RFC 4226 §5.3 with C = params.counter;
 * - totp: TOTP = HOTP(K, T) of RFC 6238 §4.2, with the algorithm and period of the account;
 * - steam: 5 characters from the same 31-bit truncated value (see ./steam.ts).
 */
export function codeAt(params: OtpParams, nowMs: number): string {
  const counter = counterAt(params, nowMs);
  const secret = new Secret({ buffer: copyBuffer(params.secret) });
  if (params.type === 'steam') {
    return steamCode((count) => HOTP.generate({ secret, algorithm: STEAM.algorithm, digits: count, counter }));
  }
  return HOTP.generate({ secret, algorithm: params.algorithm, digits: params.digits, counter });
}

function assertValid(params: OtpParams): void {
  if (params.secret.length === 0) throw bad('empty secret');
  if (!(ALGORITHMS as readonly string[]).includes(params.algorithm)) throw bad('unsupported algorithm');
  if (!Number.isInteger(params.period) || params.period < 1 || params.period > MAX_PERIOD) {
    throw bad('period out of range');
  }
  if (params.type === 'steam') return;
  if (!Number.isInteger(params.digits) || params.digits < MIN_DIGITS || params.digits > MAX_DIGITS) {
    throw bad('digits out of range');
  }
  if (!Number.isSafeInteger(params.counter) || params.counter < 0) throw bad('counter out of range');
}

/** otpauth keeps a view on the buffer; copy so later mutation of the caller's array cannot leak in. */
function copyBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

function bad(reason: string): CoreError {
  return new CoreError('otp/bad-params', `Cannot compute a code: ${reason}`);
}
