import { codeAt } from '../../core/otp';
import type { Account } from '../../core/vault';
import type { CodeAnswer } from '../../shared/protocol';
import { codeView } from '../handlers/codes-get';

/** A TOTP/Steam account's current code, the next one, and when the current one expires. */
export function codeAnswer(account: Account, now: number): CodeAnswer {
  const { code, validUntil } = codeView(account, now);
  return { kind: 'code', code, next: validUntil === null ? null : codeAt(account, validUntil), validUntil, submit: account.fill.submit };
}
