import { DuplicateAccount } from '../../core/errors';
import {
  addAccount,
  deleteAccount,
  keptBeside,
  reenrolledAt,
  replacing,
  type Account,
  type VaultData,
} from '../../core/vault';
import type { EnrollOutcome } from '../../shared/protocol';
import type { VaultService } from '../vault/vault-service';
import { codeView } from '../handlers/codes-get';
import { codeOffsetNow } from '../clock/code-clock';
import { boundTo, codeForPage, pageSite, sitesFor } from './binding';
import type { Pending } from './pending';

export interface CompleteOptions {
  /** The user ticked "Use it on <site>" in the popup (capture confirmation). */
  bind?: boolean;
  /**
   * The user's answer to "Replace the old one?" (issue 13, see reenrollAsk): `replace` moves the old
   * account to the trash (Undo restores it), `keep` keeps both, bound to the site (the in-field button
   * then asks which one). Without an answer, a new key for an account bound to this site is not added.
   */
  reenroll?: 'replace' | 'keep';
}

/** The account bound to the page's site that this QR gives a new key for, if the page must ask first. */
export function reenrollAsk(data: VaultData, entry: Pending): Account | undefined {
  if (entry.batch || entry.accounts.length !== 1) return undefined;
  return reenrolledAt(data, entry.accounts[0]!, entry.origin);
}

/**
 * Add a pending QR's accounts in one write, each bound to the page's origin or to no site (see
 * binding.ts). An account already in the vault is not added again; if it belongs to this site its
 * code still goes to the confirmation field (when the page may have codes of this QR at all).
 */
export async function completeEnrollment(
  vault: VaultService,
  entry: Pending,
  options: CompleteOptions = {},
  now = Date.now(),
): Promise<EnrollOutcome> {
  const userBinds = options.bind === true;
  const offset = await codeOffsetNow();
  // A captured QR is asked about in the popup, where "Use it on <site>" already decides its binding.
  const asks = !entry.captured && options.reenroll === undefined;
  if (asks) {
    const old = await vault.read((data) => reenrollAsk(data, entry));
    if (old) {
      // The click is answered by the question: a later unlock must not ask it again.
      entry.confirmed = false;
      return { kind: 'reenroll', issuer: old.issuer, account: old.account };
    }
  }
  return vault.mutate((data, at) => {
    let next: VaultData = data;
    const added: Account[] = [];
    let duplicates = 0;
    let codeSource: Account | undefined;
    const old = options.reenroll && !entry.captured ? reenrollAsk(data, entry) : undefined;
    // A lookalike page's key is bound to no site; a narrowed site's key is narrowed (binding.ts).
    const site = pageSite(data, entry.origin);
    const { lookalike } = site;
    for (const scanned of entry.accounts) {
      // The page it came from is kept with it: two accounts that look the same can be told apart.
      const input = { ...scanned, addedOn: entry.origin };
      try {
        // The user answered our question about the account bound here: the new key takes its place on
        // this origin (its code is this page's to know), beside it or instead of it.
        const sites = old
          ? [...new Set([...sitesFor(entry, input, userBinds, lookalike), entry.origin])]
          : sitesFor(entry, input, userBinds, lookalike);
        // Replacing: the new key also takes the old one's backup codes, fill options, pin and place.
        // Kept beside it, the new key is filled as the old one was (its exact-origin narrowing first).
        const account = !old
          ? boundTo(input, sites, site)
          : options.reenroll === 'replace'
            ? replacing(old, { ...input, sites })
            : keptBeside(old, input, sites);
        const result = addAccount(next, account, { now: at });
        next = result.vault;
        added.push(result.account);
      } catch (error) {
        if (!(error instanceof DuplicateAccount)) throw error;
        duplicates++;
        const existing = next.accounts.find((a) => a.id === error.existingId);
        if (existing?.sites.includes(entry.origin)) codeSource ??= existing;
      }
    }
    if (old && options.reenroll === 'replace' && added.length > 0) {
      next = deleteAccount(next, old.id, { now: at });
      entry.replaced.push(old.id);
    }
    entry.added.push(...added.map((a) => a.id));
    entry.confirmed = false;
    const first = added[0] ?? codeSource;
    const gives = first !== undefined && first.type !== 'hotp' && codeForPage(entry, userBinds);
    const view = gives ? codeView(first, now, offset) : null;
    const code = view?.code ?? '';
    const validUntil = view?.validUntil ?? null;
    if (gives) entry.codeFor = first.id;
    else delete entry.codeFor;
    const named = first ?? entry.accounts[0]!;
    const bound = added.every((a) => a.sites.length > 0);
    // The login autofill may have put the old key's code in the setup page's field (the old account was
    // bound here): the page may replace those values with the new key's code, not what the user typed.
    const stale =
      gives && old && old.type !== 'hotp'
        ? [codeView(old, now, offset).code, codeView(old, now - old.period * 1000, offset).code]
        : undefined;
    return {
      data: next,
      result: {
        kind: 'added',
        issuer: named.issuer,
        account: named.account,
        count: added.length,
        duplicates,
        code,
        validUntil,
        bound,
        ...(stale && { stale }),
        ...(old && added.length > 0 && { reenrolled: options.reenroll }),
      },
    };
  });
}
