/** Handlers of the restore-point and vault-notice records (shared/messages/restore.ts). */
import { backupPromptDismissedItem, type StorageItem } from '../../platform/storage';
import type { restoreMessages } from '../../shared/messages/restore';
import type { AreaHandlers } from '../router';
import type { Services } from '../handlers/context';
import { importExportStores, type ImportExportStores } from '../handlers/import-export/stores';
import { backupPrompt, backupPromptDismiss } from '../handlers/restore/backup-prompt';
import { restorePointsList, restorePointsRestore, vaultRecovery } from '../handlers/restore/restore-points';

export function restoreHandlers(
  services: Services,
  stores: Pick<ImportExportStores, 'lastBackup'> = importExportStores(),
  dismissed: StorageItem<number> = backupPromptDismissedItem,
): AreaHandlers<typeof restoreMessages> {
  return {
    'restore-points/list': () => restorePointsList(services),
    'restore-points/restore': (m) => restorePointsRestore(services, m.id),
    'backup/prompt': () => backupPrompt(services, stores, dismissed),
    'backup/prompt-dismiss': () => backupPromptDismiss(dismissed),
    'vault/recovery': () => vaultRecovery(services),
  };
}
