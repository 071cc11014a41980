import { listAccounts, type VaultData } from '../../core/vault';
import { matchAccounts } from '../../core/site';
import type { AccountList } from '../../shared/protocol';
import type { Services } from './context';
import { toView } from './views';
import { lookalikeFor } from '../fill/lookalike-for';

/**
 * `accounts/list`: every active account (pinned first, then by order), without secrets, and which of
 * them belong to the active tab's site (`activeOrigin` comes from the tab the popup was opened on), and
 * whether that site looks like one of the accounts' sites without being it (the popup warns).
 */
export async function accountsList({ vault, activeOrigin }: Services): Promise<AccountList> {
  const origin = await activeOrigin();
  return vault.read((data) => accountListOf(data, origin));
}

/** The list `accounts/list` answers, for the active tab's `origin` (null: none); popup/open shares it. */
export function accountListOf(data: VaultData, origin: string | null): AccountList {
  const accounts = listAccounts(data);
  if (!origin) return { accounts: accounts.map(toView), currentSite: null };
  const lookalike = lookalikeFor(data, origin);
  return {
    accounts: accounts.map(toView),
    currentSite: { origin, ids: matchAccounts(accounts, origin), ...(lookalike ? { lookalike } : {}) },
  };
}
