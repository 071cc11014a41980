import type { AutoLock, Settings, VaultStatus } from '../shared/protocol';

export interface OptionsApi {
  status(): Promise<VaultStatus>;
  settings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<Settings>;
  changePassword(oldPassword: string, newPassword: string): Promise<VaultStatus>;
  addUri(uri: string): Promise<unknown>;
}

export const AUTO_LOCK_CHOICES: readonly AutoLock[] = [1, 5, 15, 60, 'browser-close'];
