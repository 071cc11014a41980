/** Records of the app, vault and settings messages: extension pages only. */
import type { AppInfo, Settings, SettingsChange, VaultStatus } from '../protocol';
import { bool, num, object, oneOf, optional, payload, str } from '../validate/check';
import { MAX_OFFSET_MS } from '../../core/clock/estimate';
import { message, PAGES, type NoFields } from './define';

const password = str(4096);
const none = payload({});

export const appMessages = {
  'app/info': message<NoFields, AppInfo>(PAGES, none),
  'vault/status': message<NoFields, VaultStatus>(PAGES, none),
  'vault/create': message<{ password: string }, VaultStatus>(PAGES, payload({ password })),
  'vault/unlock': message<{ password: string }, VaultStatus>(PAGES, payload({ password })),
  'vault/lock': message<NoFields, VaultStatus>(PAGES, none),
  'vault/change-password': message<{ oldPassword: string; newPassword: string }, VaultStatus>(
    PAGES,
    payload({ oldPassword: password, newPassword: password }),
  ),
  'settings/get': message<NoFields, Settings>(PAGES, none),
  // Only the settings that change (the background keeps the others as stored).
  'settings/set': message<{ settings: SettingsChange }, Settings>(
    PAGES,
    payload({
      settings: object({
        autoLockMinutes: optional(oneOf(1, 5, 15, 60, 'browser-close')),
        autofill: optional(bool),
        clockCorrection: optional(bool),
        clockOffsetMs: optional(num(-MAX_OFFSET_MS, MAX_OFFSET_MS)),
      }),
    }),
  ),
};
