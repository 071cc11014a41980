import { listAccounts } from '../../core/vault';
import { matchAccounts } from '../../core/site';
import type { AccountList } from '../../shared/protocol';
import type { Services } from './context';
import { toView } from './views';

/**
 * `accounts/list`: every active account (pinned first, then by order), without secrets, and which of
 * them belong to the active tab's site (`activeOrigin` comes from the tab the popup was opened on).
 */
export async function accountsList({ vault, activeOrigin }: Services): Promise<AccountList> {
  const origin = await activeOrigin();
  return vault.read((data) => {
    const accounts = listAccounts(data);
    const ids = origin ? matchAccounts(accounts, origin) : [];
    return { accounts: accounts.map(toView), currentSite: origin ? { origin, ids } : null };
  });
}
