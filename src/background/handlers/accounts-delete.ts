import { deleteAccount } from '../../core/vault';
import type { NoFields } from '../../shared/protocol';
import type { Services } from './context';

/** `accounts/delete`: moves the account to the trash (restorable for 30 days). */
export function accountsDelete({ vault }: Services, id: string): Promise<NoFields> {
  return vault.mutate((data, now) => ({ data: deleteAccount(data, id, { now }), result: {} }));
}
