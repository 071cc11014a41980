/** In-memory storage items for background tests: what a StorageItem keeps, without a browser. */
import type { ImportExportStores, LastBackup, LastImport } from '../../../src/background/handlers/import-export/stores';
import type { StorageItem } from '../../../src/platform/storage';

/** One storage item held in memory. */
export function memoryItem<T>(
  key: string,
  area: StorageItem<T>['area'] = 'session',
  clearOn: StorageItem<T>['clearOn'] = 'never',
): StorageItem<T> {
  let value: T | undefined;
  return {
    area,
    key,
    clearOn,
    get: async () => value,
    set: async (next) => void (value = next),
    remove: async () => void (value = undefined),
  };
}

/** The import/export handlers' stores (the last import, the last backup), in memory. */
export const memoryImportStores = (area: StorageItem<unknown>['area'] = 'session'): ImportExportStores => ({
  lastImport: memoryItem<LastImport>('lastImport', area),
  lastBackup: memoryItem<LastBackup>('lastBackup', area),
});
