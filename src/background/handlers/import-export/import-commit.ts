import { addAccount, type Account, type VaultData } from '../../../core/vault';
import type { ImportCommitRequest, ImportCommitResult } from '../../../shared/protocol-import';
import type { Services } from '../context';
import { toView } from '../views';
import { ImportExportError } from './errors';
import { planImport } from './plan';
import type { PendingImports } from './pending-imports';
import type { ImportExportStores } from './stores';

/**
 * `import/commit`: all or nothing. The file decrypted by the preview it names (never read again: no
 * second password prompt, no second KDF; `import/expired` when gone) is planned against the vault
 * inside the write queue, and every account is added in ONE write; any error leaves the vault as it was. When the plan no longer
 * matches what the user reviewed (`expectedCount`), nothing is written (`import/changed`).
 * The new ids are kept in session storage so `import/undo` can remove exactly them.
 */
export async function importCommit(
  { vault }: Services,
  stores: ImportExportStores,
  pending: PendingImports,
  payload: ImportCommitRequest,
): Promise<ImportCommitResult> {
  if (typeof payload.previewId !== 'string' || !Number.isInteger(payload.expectedCount)) {
    throw new ImportExportError('protocol/bad-request', 'import/commit needs a previewId and a count');
  }
  const result = pending.get(payload.previewId);
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
  }, { restorePoint: 'import' });
  pending.drop(payload.previewId);
  const importId = globalThis.crypto.randomUUID();
  await stores.lastImport.set({ importId, ids: added.map((a) => a.id) });
  return { importId, added: added.map(toView) };
}
