import type { Handler } from '../../router';
import type { ImportExportMessages } from '../../../shared/protocol-import';
import type { Services } from '../context';
import { backupStatus } from './backup-status';
import { backupVerify } from './backup-verify';
import { exportFile } from './export-file';
import { importCommit } from './import-commit';
import { importPreview } from './import-preview';
import { importUndo } from './import-undo';
import { pendingImports, type PendingImports } from './pending-imports';
import { importExportStores, type ImportExportStores } from './stores';

/** Handlers of the import/export domain, one file each in this folder. */
export function importExportHandlers(
  services: Services,
  stores: ImportExportStores = importExportStores(),
  pending: PendingImports = pendingImports({ clearOn: services.vault }),
): { [K in keyof ImportExportMessages]: Handler<K> } {
  return {
    'import/preview': ({ data, encoding, password }) =>
      importPreview(services, pending, withPassword({ data, encoding }, password)),
    'import/commit': ({ previewId, expectedCount, replace }) =>
      importCommit(services, stores, pending, { previewId, expectedCount, ...(replace && { replace }) }),
    'import/undo': ({ importId }) => importUndo(services, stores, importId),
    'export/file': ({ kind, masterPassword, filePassword }) =>
      exportFile(
        services,
        stores,
        filePassword === undefined ? { kind, masterPassword } : { kind, masterPassword, filePassword },
      ),
    'backup/status': () => backupStatus(services, stores),
    'backup/verify': ({ data, encoding, password }) => backupVerify(services, { data, encoding, password }),
  };
}

/** Only the fields we read (the envelope also carries `type`); `exactOptionalPropertyTypes`-safe. */
function withPassword<T extends object>(payload: T, password: string | undefined): T & { password?: string } {
  return password === undefined ? payload : { ...payload, password };
}
