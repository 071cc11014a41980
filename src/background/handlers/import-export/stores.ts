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

export const importExportStores = (): ImportExportStores => ({
  lastImport: lastImportItem,
  lastBackup: lastBackupItem,
});
