/**
 * The two storage items of this domain, declared once (ARCHITECTURE rule 4). Neither is secret:
 * account ids are opaque random UUIDs, the reminder is a timestamp and a count.
 */
import { defineItem, type StorageItem } from '../../../platform/storage';

/** The most recent import, so it can be undone: session only (gone when the browser closes). */
export interface LastImport {
  importId: string;
  ids: string[];
  /** Accounts this import replaced (moved to the trash): undo brings them back. */
  replaced?: string[];
}

/** When the user last exported a backup, and how many accounts it held. */
export interface LastBackup {
  at: number;
  count: number;
}

export interface ImportExportStores {
  lastImport: StorageItem<LastImport>;
  lastBackup: StorageItem<LastBackup>;
}

export const importExportStores = (): ImportExportStores => ({
  lastImport: defineItem<LastImport>('session', 'lastImport', 'never'),
  lastBackup: defineItem<LastBackup>('local', 'lastBackup', 'never'),
});
