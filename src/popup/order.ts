import type { AccountView } from '../shared/protocol';
import { currentSiteFirst } from '../shared/account-order';

/** Case- and accent-insensitive text for search. */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Does the account match every word of the query (issuer, name or one of its sites)? */
export function matchesQuery(account: AccountView, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold([account.issuer, account.account, ...account.sites].join(' '));
  return words.every((word) => haystack.includes(word));
}

/**
 * The order the popup shows: accounts of the current tab's site first, then the rest in vault order
 * (pinned first, then the user's order — the background already sorted them that way).
 */
export function visibleAccounts(accounts: AccountView[], query: string, currentIds: readonly string[]): AccountView[] {
  return currentSiteFirst(
    accounts.filter((a) => matchesQuery(a, query)),
    currentIds,
  );
}

/** Move `id` one step within its pinned/unpinned group; returns the group's new id order, or null. */
export function moveWithinGroup(accounts: AccountView[], id: string, step: -1 | 1): string[] | null {
  const account = accounts.find((a) => a.id === id);
  if (!account) return null;
  const group = accounts.filter((a) => a.pinned === account.pinned).map((a) => a.id);
  const from = group.indexOf(id);
  const to = from + step;
  if (to < 0 || to >= group.length) return null;
  group.splice(from, 1);
  group.splice(to, 0, id);
  return group;
}

/** Move `id` to where `targetId` is (drag and drop), within the dragged account's group. */
export function moveTo(accounts: AccountView[], id: string, targetId: string): string[] | null {
  const account = accounts.find((a) => a.id === id);
  const target = accounts.find((a) => a.id === targetId);
  if (!account || !target || account.pinned !== target.pinned || id === targetId) return null;
  const group = accounts.filter((a) => a.pinned === account.pinned).map((a) => a.id);
  group.splice(group.indexOf(id), 1);
  group.splice(group.indexOf(targetId) + (accounts.indexOf(account) < accounts.indexOf(target) ? 1 : 0), 0, id);
  return group;
}

/** "123456" → "123 456", "12345678" → "1234 5678", "1234567" → "123 4567"; Steam's 5 characters stay. */
export function groupCode(code: string): string {
  if (code.length === 6) return `${code.slice(0, 3)} ${code.slice(3)}`;
  if (code.length === 7) return `${code.slice(0, 3)} ${code.slice(3)}`;
  if (code.length === 8) return `${code.slice(0, 4)} ${code.slice(4)}`;
  return code;
}
