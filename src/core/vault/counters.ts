/**
 * HOTP counters only move forward (RFC 4226 §7.2: the client increments after each use, and a code
 * at a lower counter is one the server has already seen). `updateAccount` refuses a lower counter;
 * this covers the changes that bring an older copy of an account back whole (a restore point, an
 * account back from the trash while another copy of its key went on counting, an old backup
 * imported): VaultService applies it to every write and to a restore. Pure.
 */
import { duplicateKey } from './operations';
import type { Account, VaultData } from './types';

/** The highest HOTP counter of each id and of each key among `vault`'s accounts and trash. */
function highestCounters(vault: VaultData): Map<string, number> {
  const highest = new Map<string, number>();
  const note = (name: string, counter: number) => highest.set(name, Math.max(counter, highest.get(name) ?? counter));
  for (const account of [...vault.accounts, ...vault.trash.map((t) => t.account)]) {
    if (account.type !== 'hotp') continue;
    note(`id:${account.id}`, account.counter);
    note(duplicateKey(account), account.counter);
  }
  return highest;
}

/**
 * `next` with every HOTP account (active or in the trash) at least at the counter the same account
 * (same id) or the same key (same type and secret) has in `before`, active or in the trash. Accounts
 * that need no change are shared; `next` itself is returned when none does.
 */
export function keepHigherCounters(next: VaultData, before: VaultData): VaultData {
  const highest = highestCounters(before);
  if (highest.size === 0) return next;
  let changed = false;
  const raise = (account: Account): Account => {
    if (account.type !== 'hotp') return account;
    const counter = Math.max(
      account.counter,
      highest.get(`id:${account.id}`) ?? 0,
      highest.get(duplicateKey(account)) ?? 0,
    );
    if (counter === account.counter) return account;
    changed = true;
    return { ...account, counter };
  };
  const accounts = next.accounts.map(raise);
  const trash = next.trash.map((entry) => {
    const account = raise(entry.account);
    return account === entry.account ? entry : { ...entry, account };
  });
  return changed ? { ...next, accounts, trash } : next;
}
