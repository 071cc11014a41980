/**
 * One-time grants for fills the user asked for. A content script's message cannot prove a click: a
 * field `explicit: true` is what a forged or confused request would carry. So the background itself
 * hands out a random grant where a click is due — to the frame whose field shows our button (in the
 * answer to its request), or to the active tab when the popup or the shortcut asks it to fill — and a
 * request counts as asked for only when it brings back a live grant, from the frame or tab it was
 * issued to. Each grant is used up by its first request. Kept in session storage too (./saved-map.ts),
 * so a service-worker restart between two rollovers does not drop a field's refresh grant; callers
 * await `grantsReady()` before they issue or redeem one, and a lock ends every grant.
 */
import type { SenderLike } from '../../shared/sender';
import { fillGrantsItem, type StorageItem } from '../../platform/storage';
import { savedMap } from './saved-map';

/** Where a grant may be redeemed: a tab (any frame the caller accepts), or one frame and document. */
export interface GrantScope {
  tabId: number;
  frameId?: number;
  documentId?: string | undefined;
  /**
   * An HOTP code the popup already took (the counter moved on when it was taken): the fill this grant
   * allows gives this code, for this account only, instead of taking another.
   */
  hotp?: { accountId: string; code: string };
  /** A refresh grant (see refreshGrantMs): good only for the account the fill before it gave a code of. */
  accountId?: string;
}

interface Grant extends GrantScope {
  expires: number;
}

/** After a fill the user asked for, one more request at rollover is covered by the same click. */
const REFRESH_GRANT_EXTRA_MS = 10_000;
/**
 * ...for as long as the page keeps the field current (content/autofill.ts, 5 minutes), counted from
 * each answer: timers stand still while the computer sleeps, so the refresh after waking comes long
 * after the code's end, and must still be covered (the field would keep a code minutes old).
 */
const REFRESH_GRANT_MIN_MS = 5 * 60_000;

/**
 * How long the grant that comes with a code the user asked for (popup click, shortcut, our button, the
 * in-field pick) stays good for the page's refresh of that field (content/fill/keep-fresh.ts).
 */
export const refreshGrantMs = (validUntil: number, now: number): number =>
  Math.max(validUntil - now, REFRESH_GRANT_MIN_MS) + REFRESH_GRANT_EXTRA_MS;

/** A page can ask for grants in a loop (a new field per scan): each tab keeps its newest few only. */
const MAX_PER_TAB = 8;
// A grant carrying an HOTP code the popup took (15 s, used at once) is not written: memory only.
const saved = savedMap<Grant>(fillGrantsItem as StorageItem<[string, Grant][]>, (grant) => !grant.hotp);
const grants = saved.map;

/** Resolves once a new worker has the grants the one before it gave (read once per worker). */
export const grantsReady = (): Promise<void> => saved.ready();
/**
 * Resolves once the last change is in session storage: awaited before a code goes out for a grant
 * just used up, so a worker stopped right after cannot find that grant again in the next one.
 */
export const grantsSaved = (): Promise<void> => saved.written();
/** The vault locked: no grant given before it fills anything after it. */
export const dropGrants = (): Promise<void> => saved.clear();

export function issueGrant(scope: GrantScope, ttlMs: number, now = Date.now()): string {
  const ofTab: string[] = [];
  for (const [token, g] of grants) {
    if (g.expires < now) grants.delete(token);
    else if (g.tabId === scope.tabId) ofTab.push(token);
  }
  // Oldest first (Map keeps insertion order): drop them until there is room for one more.
  for (const token of ofTab.slice(0, Math.max(0, ofTab.length - MAX_PER_TAB + 1))) grants.delete(token);
  const token = crypto.randomUUID();
  grants.set(token, { ...scope, expires: now + ttlMs });
  void saved.save();
  return token;
}

/**
 * Uses up `token` if it was issued for `sender`'s tab (and, when frame-bound, its frame and document)
 * and the caller `accepts` its scope; its scope only then. Anything else — no token, a guessed one,
 * another tab's, an expired one, one the caller turns down — is null and leaves the grant as it was:
 * a tab-wide grant goes to every frame of the tab, and a frame it cannot serve (another site's frame)
 * must not use it up before the one it was for.
 */
export function redeemGrant(
  token: unknown,
  sender: SenderLike,
  now = Date.now(),
  accepts: (scope: GrantScope) => boolean = () => true,
): GrantScope | null {
  if (typeof token !== 'string') return null;
  const grant = grants.get(token);
  if (!grant || grant.expires < now || grant.tabId !== sender.tab?.id) return null;
  if (grant.frameId !== undefined && grant.frameId !== (sender.frameId ?? 0)) return null;
  if (grant.documentId && sender.documentId && grant.documentId !== sender.documentId) return null;
  if (!accepts(grant)) return null;
  grants.delete(token);
  void saved.save();
  return grant;
}

/** The scope of `sender`'s own frame and document. */
export const frameScope = (sender: SenderLike): GrantScope => ({
  tabId: sender.tab?.id ?? -1,
  frameId: sender.frameId ?? 0,
  documentId: sender.documentId,
});
