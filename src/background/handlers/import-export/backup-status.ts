import type { BackupStatus } from '../../../shared/protocol-import';
import type { Services } from '../context';
import { lastBackupAt, type ImportExportStores } from './stores';

/** `backup/status`: when the last backup was made and how many accounts were added since. */
export async function backupStatus({ vault }: Services, stores: ImportExportStores): Promise<BackupStatus> {
  const at = await lastBackupAt(stores.lastBackup);
  const since = at ?? -Infinity;
  const addedSince =
    (await vault.state()) === 'unlocked'
      ? await vault.read((data) => data.accounts.filter((a) => a.createdAt > since).length)
      : null;
  return { lastBackupAt: at ?? null, addedSince };
}
