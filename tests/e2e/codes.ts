import { codeAt } from '../../src/core/otp';
import { parseOtpauthUri, type ParsedAccount } from '../../src/core/otpauth-uri';

/**
 * The codes of an account (an otpauth URI or a parsed one) that can legitimately be in a field around
 * now: a fill may straddle a rollover, and the test reads it a moment later.
 */
export function plausibleCodes(account: string | ParsedAccount, now = Date.now()): string[] {
  const parsed = typeof account === 'string' ? parseOtpauthUri(account) : account;
  return [-31_000, -1000, 0, 1000, 31_000].map((d) => codeAt(parsed, now + d));
}
