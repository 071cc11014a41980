import { codeAt, counterAt } from '../../core/otp';
import type { Account } from '../../core/vault';
import type { CodeAnswer } from '../../shared/protocol';

/** A TOTP/Steam account's current code, the next one, and when the current one expires. */
export function codeAnswer(account: Account, now: number): CodeAnswer {
  const step = account.period * 1000;
  const validUntil = (counterAt(account, now) + 1) * step;
  return { kind: 'code', code: codeAt(account, now), next: codeAt(account, validUntil), validUntil, submit: account.fill.submit };
}
