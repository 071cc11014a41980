import type { Services } from '../context';
import { ImportExportError } from './errors';
import type { ImportExportStores } from './stores';

/**
 * `import/undo`: removes exactly the accounts the last import added, from the list and from the
 * trash, without a trash entry of their own. Imported accounts were appended, and accounts the vault had
 * were changed only by what duplicates in the file gave them (backup codes they lacked, a higher HOTP
 * counter): that stays, the counter because it only moves forward (RFC 4226 §7.2), the codes because
 * they are the user's own. Otherwise this restores the pre-import vault (edits made to the imported
 * accounts since are dropped too); the restore point kept by the import has it exactly.
 */
export async function importUndo(
  { vault }: Services,
  stores: ImportExportStores,
  importId: string,
): Promise<{ removed: number }> {
  const last = await stores.lastImport.get();
  if (!last || last.importId !== importId)
    throw new ImportExportError('import/nothing-to-undo', 'This import can no longer be undone');
  const ids = new Set(last.ids);
  const replaced = new Set(last.replaced ?? []);
  const removed = await vault.mutate(
    (data, now) => {
      const accounts = data.accounts.filter((a) => !ids.has(a.id));
      const trash = data.trash.filter((t) => !ids.has(t.account.id));
      const count = data.accounts.length - accounts.length + data.trash.length - trash.length;
      // The accounts it replaced come back from the trash (issue 13).
      const back = trash.filter((t) => replaced.has(t.account.id));
      const restored = back.map((t) => ({ ...t.account, updatedAt: now }));
      // An imported HOTP key that is also in the trash (deleted before the import) leaves its counter
      // there: the write keeps the higher one (VaultService.mutate, core/vault/counters.ts).
      return {
        data: { ...data, accounts: [...accounts, ...restored], trash: trash.filter((t) => !back.includes(t)) },
        result: count,
      };
    },
    { restorePoint: 'import-undo' },
  );
  await stores.lastImport.remove();
  return { removed };
}
