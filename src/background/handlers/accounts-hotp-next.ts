import { updateAccount } from '../../core/vault';
import type { CodeView } from '../../shared/protocol';
import { BackgroundError } from '../errors';
import type { Services } from './context';
import { codeView } from './codes-get';

/** `accounts/hotp-next`: advance an HOTP counter (RFC 4226 §7.2: the client moves on after each use). */
export function accountsHotpNext({ vault }: Services, id: string): Promise<CodeView> {
  return vault.mutate((data, now) => {
    const account = data.accounts.find((a) => a.id === id);
    if (!account || account.type !== 'hotp') throw new BackgroundError('protocol/bad-request', 'Not an HOTP account');
    const next = updateAccount(data, id, { counter: account.counter + 1 }, { now });
    const updated = next.accounts.find((a) => a.id === id) ?? account;
    return { data: next, result: codeView(updated, now) };
  });
}
