import type { Settings } from '../../shared/protocol';
import type { Services } from './context';

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 15, autofill: true, clockCorrection: false };

/** `settings/get`: stored settings over the defaults. */
export async function settingsGet({ settings }: Services): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settings.get()) };
}
