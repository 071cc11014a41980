import type { Handler } from '../../router';
import type { RestoreMessages } from '../../../shared/protocol-restore';
import { defineItem, type StorageItem } from '../../../platform/storage';
import type { Services } from '../context';
import { importExportStores, type ImportExportStores } from '../import-export/stores';
import { backupPrompt, backupPromptDismiss } from './backup-prompt';
import { restorePointsList, restorePointsRestore, vaultRecovery } from './restore-points';

/** When the popup's backup prompt was last dismissed (a timestamp, not secret). */
export const backupPromptDismissed = (): StorageItem<number> => defineItem<number>('local', 'backupPrompt.dismissedAt', 'never');

/** Handlers of restore points and the popup's vault notices, one concept per file in this folder. */
export function restoreHandlers(
  services: Services,
  stores: Pick<ImportExportStores, 'lastBackup'> = importExportStores(),
  dismissed: StorageItem<number> = backupPromptDismissed(),
): { [K in keyof RestoreMessages]: Handler<K> } {
  return {
    'restore-points/list': () => restorePointsList(services),
    'restore-points/restore': ({ id }) => restorePointsRestore(services, id),
    'backup/prompt': () => backupPrompt(services, stores, dismissed),
    'backup/prompt-dismiss': () => backupPromptDismiss(dismissed),
    'vault/recovery': () => vaultRecovery(services),
  };
}
