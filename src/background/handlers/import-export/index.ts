import type { Handler } from '../../router';
import type { ImportExportMessages } from '../../../shared/protocol-import';
import type { Services } from '../context';

/** Handlers of the import/export domain, one file each in this folder. */
export function importExportHandlers(_services: Services): { [K in keyof ImportExportMessages]: Handler<K> } {
  return {};
}
