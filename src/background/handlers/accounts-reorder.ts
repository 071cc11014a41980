import { updateAccount, type VaultData } from '../../core/vault';
import type { NoFields } from '../../shared/protocol';
import { BackgroundError } from '../errors';
import type { Services } from './context';

/** `accounts/reorder`: `ids` in their new order (a group or all); each gets its index as `order`. */
export function accountsReorder({ vault }: Services, ids: string[]): Promise<NoFields> {
  if (!Array.isArray(ids) || new Set(ids).size !== ids.length)
    throw new BackgroundError('protocol/bad-request', 'Bad id list');
  return vault.mutate((data, now) => {
    let next: VaultData = data;
    ids.forEach((id, order) => {
      const account = next.accounts.find((a) => a.id === id);
      if (account && account.order !== order) next = updateAccount(next, id, { order }, { now });
    });
    return { data: next, result: {} };
  });
}
