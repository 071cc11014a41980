/** The two storage items of this domain (declared in platform/storage.ts with the others). */
import {
  lastBackupItem,
  lastImportItem,
  type LastBackup,
  type LastImport,
  type StorageItem,
} from '../../../platform/storage';

export type { LastBackup, LastImport };

export interface ImportExportStores {
  lastImport: StorageItem<LastImport>;
  lastBackup: StorageItem<LastBackup>;
}

/**
 * When the last backup was exported (undefined: never). A value an earlier version stored also holds the
 * account count, which must not stay readable at rest: it is written again with the time only.
 */
export async function lastBackupAt(item: StorageItem<LastBackup>): Promise<number | undefined> {
  const stored = await item.get();
  if (typeof stored?.at !== 'number') return undefined;
  if (Object.keys(stored).some((key) => key !== 'at')) await item.set({ at: stored.at });
  return stored.at;
}

export const importExportStores = (): ImportExportStores => ({
  lastImport: lastImportItem,
  lastBackup: lastBackupItem,
});
