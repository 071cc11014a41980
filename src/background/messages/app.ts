/** Handlers of the app, vault and settings records (shared/messages/app.ts). */
import { extensionManifest } from '../../platform/runtime';
import type { appMessages } from '../../shared/messages/app';
import type { AreaHandlers } from '../router';
import type { Services } from '../handlers/context';
import { activeTab } from '../active-tab';
import { finishEnrollmentsAfterUnlock } from '../enroll/after-unlock';
import { finishPickAfterUnlock } from '../fill/pick';
import { appInfo } from '../../shared/app-info';
import { settingsGet } from '../handlers/settings-get';
import { settingsSet } from '../handlers/settings-set';
import { vaultChangePassword } from '../handlers/vault-change-password';
import { vaultCreate } from '../handlers/vault-create';
import { vaultLock } from '../handlers/vault-lock';
import { vaultStatus } from '../handlers/vault-status';
import { vaultUnlock } from '../handlers/vault-unlock';

export function appHandlers(services: Services): AreaHandlers<typeof appMessages> {
  return {
    'app/info': () => appInfo(extensionManifest()),
    'vault/status': () => vaultStatus(services),
    // A QR clicked before the vault existed (the click opened the first-run popup) is added once it does.
    'vault/create': async (m) => {
      const status = await vaultCreate(services, m.password);
      void finishEnrollmentsAfterUnlock(services.vault);
      return status;
    },
    'vault/unlock': async (m) => {
      const status = await vaultUnlock(services, m.password);
      void finishEnrollmentsAfterUnlock(services.vault);
      void activeTab().then((tab) => finishPickAfterUnlock(services.vault, tab?.id ?? null));
      return status;
    },
    'vault/lock': () => vaultLock(services),
    'vault/change-password': (m) => vaultChangePassword(services, m.oldPassword, m.newPassword),
    'settings/get': () => settingsGet(services),
    'settings/set': (m) => settingsSet(services, m.settings),
  };
}
