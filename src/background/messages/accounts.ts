/** Handlers of the account records (shared/messages/accounts.ts). */
import type { accountMessages } from '../../shared/messages/accounts';
import type { AreaHandlers } from '../router';
import type { Services } from '../handlers/context';
import { accountsAddManual } from '../handlers/accounts-add-manual';
import { accountsAddUri } from '../handlers/accounts-add-uri';
import { accountsDelete } from '../handlers/accounts-delete';
import { accountsExportUri } from '../handlers/accounts-export-uri';
import { accountsHotpNext } from '../handlers/accounts-hotp-next';
import { accountsHotpUse } from '../handlers/accounts-hotp-use';
import { accountsList } from '../handlers/accounts-list';
import { accountsReorder } from '../handlers/accounts-reorder';
import { accountsRestore } from '../handlers/accounts-restore';
import { accountsTrash } from '../handlers/accounts-trash';
import { accountsUpdate } from '../handlers/accounts-update';
import { backupCodesGet } from '../handlers/backup-codes-get';
import { backupCodesSet } from '../handlers/backup-codes-set';
import { clipboardClearLater } from '../handlers/clipboard-clear-later';
import { codesGet } from '../handlers/codes-get';
import { scanVisibleTab } from '../handlers/scan-visible-tab';

export function accountHandlers(services: Services): AreaHandlers<typeof accountMessages> {
  return {
    'accounts/list': () => accountsList(services),
    'accounts/add-uri': (m) => accountsAddUri(services, m.uri, m.sites),
    'accounts/add-manual': (m) => accountsAddManual(services, m.entry),
    'accounts/update': (m) => accountsUpdate(services, m.id, m.patch),
    'accounts/delete': (m) => accountsDelete(services, m.id),
    'accounts/restore': (m) => accountsRestore(services, m.id),
    'accounts/trash': () => accountsTrash(services),
    'accounts/reorder': (m) => accountsReorder(services, m.ids),
    'accounts/hotp-next': (m) => accountsHotpNext(services, m.id),
    'accounts/hotp-use': (m) => accountsHotpUse(services, m.id),
    'accounts/export-uri': (m) => accountsExportUri(services, m.id, m.password),
    'backup-codes/get': (m) => backupCodesGet(services, m.id),
    'backup-codes/set': (m) => backupCodesSet(services, m.id, m.codes),
    'clipboard/clear-later': (m) => clipboardClearLater(m.text),
    'scan/visible-tab': () => scanVisibleTab(services),
    'codes/get': (m) => codesGet(services, m.ids),
  };
}
