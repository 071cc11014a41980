import { browser, type Runtime } from '../platform/browser';
import { defineItem, restrictSessionStorage } from '../platform/storage';
import { senderOrigin } from '../shared/sender';
import type { Settings } from '../shared/protocol';
import { createRouter } from './router';
import { VaultService } from './vault/vault-service';
import { storagePorts } from './vault/storage-ports';
import { startAutoLock } from './auto-lock';
import type { Services } from './handlers/context';
import { appInfo } from './handlers/app-info';
import { vaultStatus } from './handlers/vault-status';
import { vaultCreate } from './handlers/vault-create';
import { vaultUnlock } from './handlers/vault-unlock';
import { vaultLock } from './handlers/vault-lock';
import { vaultChangePassword } from './handlers/vault-change-password';
import { accountsList } from './handlers/accounts-list';
import { accountsAddUri } from './handlers/accounts-add-uri';
import { accountsUpdate } from './handlers/accounts-update';
import { accountsDelete } from './handlers/accounts-delete';
import { accountsRestore } from './handlers/accounts-restore';
import { codesGet } from './handlers/codes-get';
import { settingsGet } from './handlers/settings-get';
import { settingsSet } from './handlers/settings-set';
import { enrollAddUri } from './handlers/enroll-add-uri';

void restrictSessionStorage();

const vault = new VaultService(storagePorts());
const settings = defineItem<Settings>('local', 'settings', 'never');
const services: Services = { vault, settings, onSettingsChanged: () => undefined };
services.onSettingsChanged = startAutoLock(() => vault.lock(), settingsGet(services));

const route = createRouter(
  {
    'app/info': () => appInfo(browser.runtime.getManifest()),
    'vault/status': () => vaultStatus(services),
    'vault/create': (m) => vaultCreate(services, m.password),
    'vault/unlock': (m) => vaultUnlock(services, m.password),
    'vault/lock': () => vaultLock(services),
    'vault/change-password': (m) => vaultChangePassword(services, m.oldPassword, m.newPassword),
    'accounts/list': () => accountsList(services),
    'accounts/add-uri': (m) => accountsAddUri(services, m.uri, m.sites),
    'accounts/update': (m) => accountsUpdate(services, m.id, m.patch),
    'accounts/delete': (m) => accountsDelete(services, m.id),
    'accounts/restore': (m) => accountsRestore(services, m.id),
    'codes/get': (m) => codesGet(services, m.ids),
    'settings/get': () => settingsGet(services),
    'settings/set': (m) => settingsSet(services, m.settings),
    'enroll/add-uri': (m, { sender }) => enrollAddUri(services, m.uri, senderOrigin(sender)),
  },
  { id: browser.runtime.id, origin: browser.runtime.getURL('') },
);

// Returning the promise makes it the reply (webextension-polyfill semantics in Chromium, native in Firefox).
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));
