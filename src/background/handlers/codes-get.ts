import { codeAt, counterAt } from '../../core/otp';
import type { Account } from '../../core/vault';
import type { CodeView } from '../../shared/protocol';
import type { Services } from './context';
import { codeOffsetNow } from '../clock/code-clock';

/**
 * The code at local time `now` for a clock `offsetMs` off (clock/code-clock.ts): the code is the one for
 * `now + offsetMs`, and `validUntil` is given back on this computer's clock, so countdowns and refresh
 * timers in the popup and the page (which read `Date.now()`) stay right. `next` is the following
 * period's code (the popup copies it in a code's last 5 s).
 */
export function codeView(account: Account, now: number, offsetMs = 0): CodeView {
  const at = now + offsetMs;
  const code = codeAt(account, at);
  if (account.type === 'hotp') return { id: account.id, code, validUntil: null, period: account.period };
  const end = (counterAt(account, at) + 1) * account.period * 1000;
  return { id: account.id, code, validUntil: end - offsetMs, period: account.period, next: codeAt(account, end) };
}

/** `codes/get` (extension pages): current codes for the given accounts; unknown ids are skipped. */
export async function codesGet(
  { vault }: Services,
  ids: string[],
  now = Date.now(),
  offsetMs?: number,
): Promise<CodeView[]> {
  const wanted = new Set(ids);
  const offset = offsetMs ?? (await codeOffsetNow());
  return vault.read((data) => data.accounts.filter((a) => wanted.has(a.id)).map((a) => codeView(a, now, offset)));
}
