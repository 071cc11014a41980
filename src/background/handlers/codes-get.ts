import { codeAt, counterAt } from '../../core/otp';
import type { Account } from '../../core/vault';
import type { CodeView } from '../../shared/protocol';
import type { Services } from './context';

export function codeView(account: Account, now: number): CodeView {
  const code = codeAt(account, now);
  if (account.type === 'hotp') return { id: account.id, code, validUntil: null, period: account.period };
  const validUntil = (counterAt(account, now) + 1) * account.period * 1000;
  return { id: account.id, code, validUntil, period: account.period, next: codeAt(account, validUntil) };
}

/** `codes/get` (extension pages): current codes for the given accounts; unknown ids are skipped. */
export function codesGet({ vault }: Services, ids: string[], now = Date.now()): Promise<CodeView[]> {
  const wanted = new Set(ids);
  return vault.read((data) => data.accounts.filter((a) => wanted.has(a.id)).map((a) => codeView(a, now)));
}
