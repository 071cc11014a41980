import { codeAt } from '../../core/otp';
import type { Account } from '../../core/vault';
import type { CodeAnswer } from '../../shared/protocol';
import { codeView } from '../handlers/codes-get';

/**
 * A TOTP/Steam account's current code and when it expires; with `withNext`, also the next code.
 * `offsetMs`: the clock correction (clock/code-clock.ts); `validUntil` stays on this computer's clock.
 * The next code is given early only to fields that want two consecutive codes: anywhere else it would
 * hand a page a code that is still good after the current one has expired.
 */
export function codeAnswer(account: Account, now: number, withNext: boolean, origin: string, offsetMs = 0): CodeAnswer {
  const { code, validUntil } = codeView(account, now, offsetMs);
  const next = withNext && validUntil !== null ? codeAt(account, validUntil + offsetMs) : null;
  return { kind: 'code', code, next, validUntil, submit: submitsOn(account, origin) };
}

/** Auto-submit holds for the origins it was set on, not the rest of their registrable domain (vault v4). */
export const submitsOn = (account: Account, origin: string): boolean => account.fill.submitOn.includes(origin);
