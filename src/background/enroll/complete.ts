import { codeAt } from '../../core/otp';
import { DuplicateAccount } from '../../core/errors';
import { addAccount, type Account, type VaultData } from '../../core/vault';
import type { EnrollOutcome } from '../../shared/protocol';
import type { VaultService } from '../vault/vault-service';
import type { Pending } from './pending';

/**
 * Add a pending QR's accounts, bound to the page's origin, in one write. An account already in the
 * vault is not added again; if it belongs to this site its code still goes to the confirmation field.
 */
export async function completeEnrollment(vault: VaultService, entry: Pending, now = Date.now()): Promise<EnrollOutcome> {
  return vault.mutate((data, at) => {
    let next: VaultData = data;
    const added: Account[] = [];
    let duplicates = 0;
    let codeSource: Account | undefined;
    for (const input of entry.accounts) {
      try {
        const result = addAccount(next, { ...input, sites: [entry.origin] }, { now: at });
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
    const code = first && first.type !== 'hotp' ? codeAt(first, now) : '';
    const named = first ?? entry.accounts[0]!;
    return {
      data: next,
      result: { kind: 'added', issuer: named.issuer, account: named.account, count: added.length, duplicates, code },
    };
  });
}
