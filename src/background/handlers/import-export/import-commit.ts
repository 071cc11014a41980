import { addAccount, type Account, type VaultData } from '../../../core/vault';
import type { ImportCommitResult, ImportPayload } from '../../../shared/protocol-import';
import type { Services } from '../context';
import { toView } from '../views';
import { ImportExportError } from './errors';
import { planImport } from './plan';
import { readImport } from './read-import';
import type { ImportExportStores } from './stores';

/**
 * `import/commit`: all or nothing. The file is read again (a preview may be minutes old and the
 * service worker may have restarted since), planned against the vault inside the write queue, and
 * every account is added in ONE write; any error leaves the vault as it was. When the plan no longer
 * matches what the user reviewed (`expectedCount`), nothing is written (`import/changed`).
 * The new ids are kept in session storage so `import/undo` can remove exactly them.
 */
export async function importCommit(
  { vault }: Services,
  stores: ImportExportStores,
  payload: ImportPayload & { expectedCount: number },
): Promise<ImportCommitResult> {
  const result = await readImport(payload);
  const added = await vault.mutate((data, now) => {
    const { add } = planImport(result, data);
    if (add.length === 0) throw new ImportExportError('import/nothing-to-add', 'Nothing new to import');
    if (add.length !== payload.expectedCount) throw new ImportExportError('import/changed', 'The vault changed since the preview');
    let next: VaultData = data;
    const accounts: Account[] = [];
    for (const input of add) {
      const step = addAccount(next, input, { now });
      next = step.vault;
      accounts.push(step.account);
    }
    return { data: next, result: accounts };
  });
  const importId = globalThis.crypto.randomUUID();
  await stores.lastImport.set({ importId, ids: added.map((a) => a.id) });
  return { importId, added: added.map(toView) };
}
