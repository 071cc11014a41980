import { DuplicateAccount } from '../../core/errors';
import { addAccount, type Account, type VaultData } from '../../core/vault';
import type { EnrollOutcome } from '../../shared/protocol';
import type { VaultService } from '../vault/vault-service';
import { codeView } from '../handlers/codes-get';
import { codeOffsetNow } from '../clock/code-clock';
import { codeForPage, sitesFor } from './binding';
import type { Pending } from './pending';

export interface CompleteOptions {
  /** The user ticked "Use it on <site>" in the popup (capture confirmation). */
  bind?: boolean;
}

/**
 * Add a pending QR's accounts in one write, each bound to the page's origin or to no site (see
 * binding.ts). An account already in the vault is not added again; if it belongs to this site its
 * code still goes to the confirmation field (when the page may have codes of this QR at all).
 */
export async function completeEnrollment(vault: VaultService, entry: Pending, options: CompleteOptions = {}, now = Date.now()): Promise<EnrollOutcome> {
  const userBinds = options.bind === true;
  const offset = await codeOffsetNow();
  return vault.mutate((data, at) => {
    let next: VaultData = data;
    const added: Account[] = [];
    let duplicates = 0;
    let codeSource: Account | undefined;
    for (const input of entry.accounts) {
      try {
        const result = addAccount(next, { ...input, sites: sitesFor(entry, input, userBinds) }, { now: at });
        next = result.vault;
        added.push(result.account);
      } catch (error) {
        if (!(error instanceof DuplicateAccount)) throw error;
        duplicates++;
        const existing = next.accounts.find((a) => a.id === error.existingId);
        if (existing?.sites.includes(entry.origin)) codeSource ??= existing;
      }
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
    return {
      data: next,
      result: { kind: 'added', issuer: named.issuer, account: named.account, count: added.length, duplicates, code, validUntil, bound },
    };
  });
}
