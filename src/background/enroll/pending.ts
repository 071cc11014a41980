import type { ParsedAccount } from '../../core/otpauth-uri/types';
import { dropExpired, dropTab, makeRoom } from './pending-limits';

/**
 * Decoded authenticator QRs waiting for the user's click, in service-worker memory only (the page
 * gets a random token, never the URI). A token is valid for the frame that found it and 30 minutes.
 * Lost if the worker restarts; the content script then finds and submits the QR again.
 */
export interface Pending {
  accounts: ParsedAccount[];
  tabId: number;
  frameId: number;
  /** Chrome's id of the document that found the QR: a frame navigated since gets nothing. */
  documentId: string | undefined;
  origin: string;
  /** Read from a tab capture: the pixels may be another site's, so the popup asks first (capture-ask.ts). */
  captured: boolean;
  /** A Google Authenticator export (otpauth-migration:): its accounts are never bound to the page's site. */
  batch: boolean;
  /**
   * Clicked in a frame another site embeds: the host of the page that does ('' when the browser could
   * not tell which). That site may have hidden the frame under its own page, so the popup asks first.
   */
  framedBy?: string;
  expires: number;
  /** Clicked while the vault was locked: complete after unlock. */
  confirmed: boolean;
  /** Confirmed at least once (charged to the page's bound, confirm-limits.ts; its grace given once). */
  clicked?: true;
  /** Ids added by this token (for Undo). */
  added: string[];
  /** Ids this token's enrollment moved to the trash ("Replace the old one?"): Undo restores them. */
  replaced: string[];
  /** The account whose code went into the setup page's confirmation field (refreshed at rollover). */
  codeFor?: string;
}

const TTL_MS = 30 * 60 * 1000;
const pending = new Map<string, Pending>();

export function remember(
  entry: Omit<Pending, 'expires' | 'confirmed' | 'added' | 'replaced'>,
  now = Date.now(),
): string {
  makeRoom(pending, entry, now); // fair limits per frame and overall: see pending-limits.ts
  const token = crypto.randomUUID();
  pending.set(token, { ...entry, expires: now + TTL_MS, confirmed: false, added: [], replaced: [] });
  return token;
}

/** The entry for `token`, only for the very frame (and, where known, document and origin) it was made for. */
export function lookup(
  token: string,
  where: {
    tabId: number | undefined;
    frameId: number | undefined;
    origin?: string | null;
    documentId?: string | undefined;
  },
  now = Date.now(),
): Pending | null {
  const entry = pending.get(token);
  if (!entry || entry.expires < now || entry.tabId !== where.tabId || entry.frameId !== (where.frameId ?? 0))
    return null;
  if (where.origin !== undefined && where.origin !== entry.origin) return null;
  if (where.documentId && entry.documentId && where.documentId !== entry.documentId) return null;
  return entry;
}

/** Where a content-script message came from, as lookup() wants it. */
export function whereFrom(
  sender: { tab?: { id?: number }; frameId?: number; documentId?: string },
  origin: string | null,
) {
  return { tabId: sender.tab?.id, frameId: sender.frameId, origin, documentId: sender.documentId };
}

/** The entry for `token`, whoever asks: only for extension pages (the popup's capture confirmation). */
export function entryFor(token: string, now = Date.now()): Pending | null {
  const entry = pending.get(token);
  return entry && entry.expires >= now ? entry : null;
}

/**
 * The QRs clicked while locked, still within their token's life (30 minutes from the read): a click
 * does not add a key at an unlock hours later, after the user left the page. Expired ones are dropped.
 */
export function confirmedWhileLocked(now = Date.now()): [string, Pending][] {
  dropExpired(pending, now);
  return [...pending].filter(([, p]) => p.confirmed);
}

/**
 * `token` was clicked while locked: it alone of its tab's QRs waits for the unlock (an earlier click
 * in the tab is superseded), so an unlock adds at most one key per tab that the user did not see added.
 */
export function confirmOnly(token: string): void {
  const entry = pending.get(token);
  if (!entry) return;
  for (const p of pending.values()) if (p.tabId === entry.tabId) p.confirmed = false;
  entry.confirmed = true;
}

/** The tab closed: forget its unclicked QRs. */
export function forgetTab(tabId: number): void {
  dropTab(pending, tabId);
}
