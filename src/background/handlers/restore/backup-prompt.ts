import type { BackupPrompt } from '../../../shared/protocol-restore';
import type { StorageItem } from '../../../platform/storage';
import type { Services } from '../context';
import { lastBackupAt, type ImportExportStores } from '../import-export/stores';

export const BACKUP_PROMPT_AFTER_MS = 7 * 24 * 60 * 60_000;

/**
 * `backup/prompt`: due when some account is in no backup (created after the last export) and has been
 * for 7 days, and the prompt was not dismissed in the last 7 days. Locked: never due (nothing to count).
 */
export async function backupPrompt(
  { vault }: Services,
  stores: Pick<ImportExportStores, 'lastBackup'>,
  dismissed: StorageItem<number>,
  now = Date.now(),
): Promise<BackupPrompt> {
  if ((await vault.state()) !== 'unlocked') return { due: false, count: 0 };
  const since = (await lastBackupAt(stores.lastBackup)) ?? -Infinity;
  const unbacked = await vault.read((data) => data.accounts.filter((a) => a.createdAt > since).map((a) => a.createdAt));
  if (unbacked.length === 0) return { due: false, count: 0 };
  const dismissedAt = await dismissed.get();
  const waited = now - Math.min(...unbacked) >= BACKUP_PROMPT_AFTER_MS;
  const quiet = dismissedAt !== undefined && now - dismissedAt < BACKUP_PROMPT_AFTER_MS;
  return { due: waited && !quiet, count: unbacked.length };
}

/** `backup/prompt-dismiss`: the prompt stays away for another 7 days. */
export async function backupPromptDismiss(
  dismissed: StorageItem<number>,
  now = Date.now(),
): Promise<Record<never, never>> {
  await dismissed.set(now);
  return {};
}
