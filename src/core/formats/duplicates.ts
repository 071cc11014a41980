/**
 * Duplicates within one file. Decision: the FIRST entry with a given type and secret is imported,
 * every later one goes to `skipped` with code `vault/duplicate` and a reason naming the kept
 * entry's position. This is the vault's own duplicate rule (../vault findDuplicate: same type and
 * key bytes), so an import never fails half-way at `addAccount`, and the user still sees what
 * was left out.
 */
import { duplicateKey } from '../vault';
import { displayName } from './entry';
import type { EntriesResult } from './types';

export function flagDuplicates(result: EntriesResult): EntriesResult {
  const firstIndex = new Map<string, number>();
  const accounts: EntriesResult['accounts'] = [];
  const skipped = [...result.skipped];
  for (const account of result.accounts) {
    const key = duplicateKey(account);
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, accounts.length);
      accounts.push(account);
    } else {
      skipped.push({
        name: displayName(account.issuer, account.account),
        code: 'vault/duplicate',
        reason: `Same type and secret as imported entry #${first + 1}`,
      });
    }
  }
  return { ...result, accounts, skipped };
}
