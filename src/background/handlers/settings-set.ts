import type { Settings } from '../../shared/protocol';
import { BackgroundError } from '../errors';
import type { Services } from './context';
import { settingsGet } from './settings-get';

const AUTO_LOCK = new Set<unknown>([1, 5, 15, 60, 'browser-close']);

/** `settings/set`: validated; the auto-lock timer follows at once. */
export async function settingsSet(services: Services, settings: Settings): Promise<Settings> {
  if (!AUTO_LOCK.has(settings.autoLockMinutes))
    throw new BackgroundError('protocol/bad-request', 'Unknown auto-lock choice');
  if (typeof settings.autofill !== 'boolean')
    throw new BackgroundError('protocol/bad-request', 'autofill must be true or false');
  if (settings.clockCorrection !== undefined && typeof settings.clockCorrection !== 'boolean') {
    throw new BackgroundError('protocol/bad-request', 'clockCorrection must be true or false');
  }
  // A caller that does not know the clock setting (older pages) keeps the stored choice.
  const clockCorrection = settings.clockCorrection ?? (await settingsGet(services)).clockCorrection ?? false;
  const clean: Settings = { autoLockMinutes: settings.autoLockMinutes, autofill: settings.autofill, clockCorrection };
  await services.settings.set(clean);
  services.onSettingsChanged(clean);
  return clean;
}
