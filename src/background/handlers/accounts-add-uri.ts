import { addAccount, type VaultData } from '../../core/vault';
import type { Account } from '../../core/vault';
import type { AccountView } from '../../shared/protocol';
import type { Services } from './context';
import { parseAnyUri } from './parse-any-uri';
import { toView } from './views';

/**
 * `accounts/add-uri` (extension pages): parse first (a bad URI changes nothing), then add every
 * account it holds in one write; a duplicate anywhere rejects the whole batch with `vault/duplicate`.
 */
export async function accountsAddUri({ vault }: Services, uri: string, sites: string[] = []): Promise<AccountView[]> {
  const parsed = parseAnyUri(uri);
  // A migration link adds several accounts at once: a bulk change, so it keeps a restore point.
  const added = await vault.mutate(
    (data, now) => {
      let next: VaultData = data;
      const accounts: Account[] = [];
      for (const input of parsed) {
        const result = addAccount(next, { ...input, sites }, { now });
        next = result.vault;
        accounts.push(result.account);
      }
      return { data: next, result: accounts };
    },
    parsed.length > 1 ? { restorePoint: 'bulk-add' } : {},
  );
  return added.map(toView);
}
