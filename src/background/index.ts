import { browser, type Runtime } from '../platform/browser';
import { defineItem, restrictSessionStorage } from '../platform/storage';
import type { Settings } from '../shared/protocol';
import { createRouter } from './router';
import { VaultService } from './vault/vault-service';
import { storagePorts } from './vault/storage-ports';
import { startAutoLock } from './auto-lock';
import { listenForClipboardAlarm } from './clipboard-clear';
import { activeTab, activeTabOrigin } from './active-tab';
import type { Services } from './handlers/context';
import { appInfo } from './handlers/app-info';
import { vaultStatus } from './handlers/vault-status';
import { vaultCreate } from './handlers/vault-create';
import { vaultUnlock } from './handlers/vault-unlock';
import { vaultLock } from './handlers/vault-lock';
import { vaultChangePassword } from './handlers/vault-change-password';
import { accountsList } from './handlers/accounts-list';
import { accountsAddUri } from './handlers/accounts-add-uri';
import { accountsAddManual } from './handlers/accounts-add-manual';
import { accountsUpdate } from './handlers/accounts-update';
import { accountsDelete } from './handlers/accounts-delete';
import { accountsRestore } from './handlers/accounts-restore';
import { accountsTrash } from './handlers/accounts-trash';
import { accountsReorder } from './handlers/accounts-reorder';
import { accountsHotpNext } from './handlers/accounts-hotp-next';
import { accountsHotpUse } from './handlers/accounts-hotp-use';
import { enrollCode } from './handlers/enroll-code';
import { accountsExportUri } from './handlers/accounts-export-uri';
import { backupCodesGet } from './handlers/backup-codes-get';
import { backupCodesSet } from './handlers/backup-codes-set';
import { clipboardClearLater } from './handlers/clipboard-clear-later';
import { scanVisibleTab } from './handlers/scan-visible-tab';
import { codesGet } from './handlers/codes-get';
import { settingsGet } from './handlers/settings-get';
import { settingsSet } from './handlers/settings-set';
import { importExportHandlers } from './handlers/import-export';
import { fillRequest, fillRequestOf } from './handlers/fill-request';
import { enrollCandidate } from './handlers/enroll-candidate';
import { enrollConfirm } from './handlers/enroll-confirm';
import { enrollUndo } from './handlers/enroll-undo';
import { enrollReenroll } from './handlers/enroll-reenroll';
import { enrollBackupCodes } from './handlers/enroll-backup-codes';
import { askToUnlock, finishEnrollmentsAfterUnlock } from './enroll/after-unlock';
import { captureAccept, capturePending, captureReject } from './enroll/capture-ask';
import { startContextMenu } from './context-menu';
import { fillActiveTab, startFillShortcut } from './fill-shortcut';
import { fillChoose } from './handlers/fill-choose';
import { uiLoad } from './handlers/ui-load';
import { cancelPick, finishPickAfterUnlock, pendingPick, pickAccount } from './fill/pick';
import { startTabCleanup } from './enroll/tab-cleanup';

void restrictSessionStorage();

const vault = new VaultService(storagePorts());
const settings = defineItem<Settings>('local', 'settings', 'never');
const services: Services = { vault, settings, onSettingsChanged: () => undefined, activeOrigin: activeTabOrigin, askToUnlock };
services.onSettingsChanged = startAutoLock(browser.idle, () => vault.lock(), settingsGet(services));
listenForClipboardAlarm();
startFillShortcut();
startTabCleanup();
startContextMenu(vault, askToUnlock, (key, subs) => browser.i18n.getMessage(key, subs) || key);

const route = createRouter(
  {
    ...importExportHandlers(services),
    'app/info': () => appInfo(browser.runtime.getManifest()),
    'vault/status': () => vaultStatus(services),
    'vault/create': (m) => vaultCreate(services, m.password),
    'vault/unlock': async (m) => {
      const status = await vaultUnlock(services, m.password);
      void finishEnrollmentsAfterUnlock(vault);
      void activeTab().then((tab) => finishPickAfterUnlock(vault, tab?.id ?? null));
      return status;
    },
    'vault/lock': () => vaultLock(services),
    'vault/change-password': (m) => vaultChangePassword(services, m.oldPassword, m.newPassword),
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
    'settings/get': () => settingsGet(services),
    'settings/set': (m) => settingsSet(services, m.settings),
    'fill/request': (m, { sender }) => fillRequest(services, sender, fillRequestOf(m)),
    'fill/choose': (_m, { sender }) => fillChoose(services, sender),
    'ui/load': (_m, { sender }) => uiLoad(sender),
    'fill/pick-pending': async () => pendingPick(vault, (await activeTab())?.id ?? null),
    'fill/pick': (m) =>
      pickAccount(vault, { pickId: String(m.pickId), id: String(m.id), always: m.always === true, despiteLookalike: m.despiteLookalike === true }),
    'fill/pick-cancel': async (m) => (cancelPick(String(m.pickId)), {}),
    'fill/active-tab': (m) => fillActiveTab(m.id),
    'enroll/candidate': (m, { sender }) => enrollCandidate(m.source, sender),
    'enroll/confirm': (m, { sender }) => enrollConfirm(services, m.token, sender),
    'enroll/undo': (m, { sender }) => enrollUndo(services, m.token, sender),
    'enroll/reenroll': (m, { sender }) => enrollReenroll(services, m.token, m.choice, sender),
    'enroll/code': (m, { sender }) => enrollCode(services, m.token, sender),
    'enroll/backup-codes': (m, { sender }) => enrollBackupCodes(services, m.token, m.codes, sender),
    'enroll/capture-pending': () => capturePending(),
    'enroll/capture-accept': (m) => captureAccept(vault, String(m.token), m.bind === true),
    'enroll/capture-reject': (m) => (captureReject(String(m.token)), {}),
  },
  { id: browser.runtime.id, origin: browser.runtime.getURL('') },
);

// Returning the promise makes it the reply (webextension-polyfill semantics in Chromium, native in Firefox).
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Messages for the offscreen document are not ours to answer.
  if ((message as { type?: unknown } | null)?.type === 'offscreen/clear-clipboard-if') return undefined;
  return route(message, sender);
});
