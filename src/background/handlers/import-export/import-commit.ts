import { batchEdit, replacing, withGain, withSitesOf, type Account, type VaultData } from '../../../core/vault';
import type { ImportCommitRequest, ImportCommitResult } from '../../../shared/protocol-import';
import type { Services } from '../context';
import { toView } from '../views';
import { ImportExportError } from './errors';
import { planImport, reviewedShapes } from './plan';
import type { PendingImports } from './pending-imports';
import type { ImportExportStores } from './stores';

/**
 * `import/commit`: all or nothing. The file decrypted by the preview it names (never read again: no
 * second password prompt, no second KDF; `import/expired` when gone) is planned against the vault
 * inside the write queue, and every account is added in ONE write; any error leaves the vault as it was. When the plan no longer
 * matches what the user reviewed (`expectedCount`, and the preview's shape: which entries are added and
 * which account each may replace), nothing is written (`import/changed`).
 * Duplicates of vault accounts give them the backup codes and the higher HOTP counter they lack (the
 * preview lists that, and a file of such duplicates alone can be committed).
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
  const replace = new Set(Array.isArray(payload.replace) ? payload.replace.filter((i) => Number.isInteger(i)) : []);
  const replaced: string[] = [];
  const { accounts: added, updated } = await vault.mutate(
    (data, now) => {
      const { add, old, gains, shape } = planImport(result, data);
      if (add.length === 0 && gains.length === 0)
        throw new ImportExportError('import/nothing-to-add', 'Nothing new to import');
      const reviewed = reviewedShapes.get(result);
      if (add.length !== payload.expectedCount || (reviewed !== undefined && reviewed !== shape))
        throw new ImportExportError('import/changed', 'The vault changed since the preview');
      // Duplicates first give the vault's copies what they lack (backup codes, a higher HOTP counter), so
      // an old account that a new key replaces below hands those on too.
      const gained = new Map(gains.map((gain) => [gain.id, gain]));
      const merged: VaultData = {
        ...data,
        accounts: data.accounts.map((a) => {
          const gain = gained.get(a.id);
          return gain ? withGain(a, gain, now) : a;
        }),
      };
      const current = new Map(merged.accounts.map((a) => [a.id, a]));
      // One batch, not addAccount in a loop: that was quadratic (20,000 keys took 33 s).
      const batch = batchEdit(merged, { now });
      const accounts: Account[] = [];
      for (const [i, input] of add.entries()) {
        const before = old[i] && current.get(old[i].id);
        // A new key for an account the user has (issue 13): it takes the old one's sites, so the site
        // fills the new code (replaced) or asks which one to use (both kept). Replacing, it also takes
        // the old one's backup codes, fill options, pin and place.
        const replaces = before && replace.has(i) && batch.has(before.id);
        const fresh = !before ? input : replaces ? replacing(before, input) : withSitesOf(before, input);
        accounts.push(batch.add(fresh));
        if (before && replaces) {
          batch.delete(before.id);
          replaced.push(before.id);
        }
      }
      return { data: batch.done(), result: { accounts, updated: gains.length } };
    },
    { restorePoint: 'import' },
  );
  pending.drop(payload.previewId);
  const importId = globalThis.crypto.randomUUID();
  await stores.lastImport.set({ importId, ids: added.map((a) => a.id), ...(replaced.length > 0 && { replaced }) });
  return { importId, added: added.map(toView), updated };
}
