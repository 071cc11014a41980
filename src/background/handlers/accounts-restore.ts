import { restoreAccount } from '../../core/vault';
import type { AccountView } from '../../shared/protocol';
import { BackgroundError } from '../errors';
import type { Services } from './context';
import { toView } from './views';

/** `accounts/restore`: brings an account back from the trash (undo of delete). */
export function accountsRestore({ vault }: Services, id: string): Promise<AccountView> {
  return vault.mutate((data, now) => {
    const next = restoreAccount(data, id, { now });
    const account = next.accounts.find((a) => a.id === id);
    if (!account) throw new BackgroundError('protocol/bad-request', 'Account vanished');
    return { data: next, result: toView(account) };
  });
}
