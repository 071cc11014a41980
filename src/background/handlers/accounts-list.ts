import { listAccounts } from '../../core/vault';
import type { AccountView } from '../../shared/protocol';
import type { Services } from './context';
import { toView } from './views';

/** `accounts/list`: every active account (pinned first, then by order), without secrets. */
export function accountsList({ vault }: Services): Promise<AccountView[]> {
  return vault.read((data) => listAccounts(data).map(toView));
}
