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

/**
 * Where a row may move in the list as shown: among the rows of its group (pinned or not, and of the
 * current tab's site or not: those come first, `currentSiteFirst`), which is all the user sees of it.
 */
const sameGroup = (a: AccountView, b: AccountView, current: ReadonlySet<string>) =>
  a.pinned === b.pinned && current.has(a.id) === current.has(b.id);

/**
 * Move `id` one step within its group as `shown` (searched, this site first) lists it; returns the new
 * order of its whole pinned or unpinned group in the vault (`all`, vault order), or null.
 */
export function moveWithinGroup(
  all: readonly AccountView[],
  shown: readonly AccountView[],
  currentIds: readonly string[],
  id: string,
  step: -1 | 1,
): string[] | null {
  const current = new Set(currentIds);
  const account = shown.find((a) => a.id === id);
  if (!account) return null;
  const group = shown.filter((a) => sameGroup(a, account, current));
  const neighbour = group[group.indexOf(account) + step];
  return neighbour ? moveTo(all, shown, currentIds, id, neighbour.id) : null;
}

/**
 * Move `id` to where `targetId` is (drag and drop; the target in the same group as shown): in the vault
 * order `all`, just after the target when it moves down the list, just before it when it moves up. What
 * the search hides keeps its place. Returns the new order of the whole pinned or unpinned group, or null.
 */
export function moveTo(
  all: readonly AccountView[],
  shown: readonly AccountView[],
  currentIds: readonly string[],
  id: string,
  targetId: string,
): string[] | null {
  const account = shown.find((a) => a.id === id);
  const target = shown.find((a) => a.id === targetId);
  if (!account || !target || id === targetId || !sameGroup(account, target, new Set(currentIds))) return null;
  const group = all.filter((a) => a.pinned === account.pinned).map((a) => a.id);
  if (!group.includes(id) || !group.includes(targetId)) return null;
  const down = shown.indexOf(account) < shown.indexOf(target);
  group.splice(group.indexOf(id), 1);
  group.splice(group.indexOf(targetId) + (down ? 1 : 0), 0, id);
  return group;
}

/** "123456" → "123 456", "12345678" → "1234 5678", "1234567" → "123 4567"; Steam's 5 characters stay. */
export function groupCode(code: string): string {
  if (code.length === 6) return `${code.slice(0, 3)} ${code.slice(3)}`;
  if (code.length === 7) return `${code.slice(0, 3)} ${code.slice(3)}`;
  if (code.length === 8) return `${code.slice(0, 4)} ${code.slice(4)}`;
  return code;
}
