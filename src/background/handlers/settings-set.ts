import type { Settings, SettingsChange } from '../../shared/protocol';
import { serialQueue } from '../../shared/serial-queue';
import { BackgroundError } from '../errors';
import { MAX_OFFSET_MS } from '../../core/clock';
import type { Services } from './context';
import { settingsGet } from './settings-get';

const AUTO_LOCK = new Set<unknown>([1, 5, 15, 60, 'browser-close']);

/** One change at a time: two pages saving at once must not both start from the same stored copy. */
const queue = serialQueue();

/** Refuses a change with no setting or an unknown value in it (nothing is stored then). */
function check(change: SettingsChange): void {
  const given = [change.autoLockMinutes, change.autofill, change.clockCorrection, change.clockOffsetMs];
  if (given.every((value) => value === undefined))
    throw new BackgroundError('protocol/bad-request', 'settings/set needs a setting to change');
  if (change.autoLockMinutes !== undefined && !AUTO_LOCK.has(change.autoLockMinutes))
    throw new BackgroundError('protocol/bad-request', 'Unknown auto-lock choice');
  if (change.autofill !== undefined && typeof change.autofill !== 'boolean')
    throw new BackgroundError('protocol/bad-request', 'autofill must be true or false');
  if (change.clockCorrection !== undefined && typeof change.clockCorrection !== 'boolean')
    throw new BackgroundError('protocol/bad-request', 'clockCorrection must be true or false');
  const offset = change.clockOffsetMs;
  if (offset !== undefined && !(typeof offset === 'number' && Math.abs(offset) <= MAX_OFFSET_MS))
    throw new BackgroundError('protocol/bad-request', 'clockOffsetMs must be a number of ms within a day');
}

/**
 * The accepted clock offset after `change`: only while the correction is on (turning it off forgets it,
 * turning it on again asks again); the one the page sends (the one the user saw and accepted), else the
 * one stored while it stays on. Turned on without one (the options page): none until the popup asks.
 */
function acceptedAfter(change: SettingsChange, stored: Settings, on: boolean): number | undefined {
  if (!on) {
    if (change.clockOffsetMs !== undefined)
      throw new BackgroundError('protocol/bad-request', 'clockOffsetMs needs the clock correction on');
    return undefined;
  }
  if (change.clockOffsetMs !== undefined) return Math.round(change.clockOffsetMs);
  return stored.clockCorrection === true ? stored.clockOffsetMs : undefined;
}

/**
 * `settings/set`: the settings in `change` over the stored ones (a page sends only what the user
 * changed: a whole copy read earlier would undo what another page changed since); validated; the
 * auto-lock timer follows at once. Returns all the settings as stored.
 */
export function settingsSet(services: Services, change: SettingsChange): Promise<Settings> {
  return queue(async () => {
    check(change);
    const stored = await settingsGet(services);
    const clockCorrection = change.clockCorrection ?? stored.clockCorrection ?? false;
    const clockOffsetMs = acceptedAfter(change, stored, clockCorrection);
    const clean: Settings = {
      autoLockMinutes: change.autoLockMinutes ?? stored.autoLockMinutes,
      autofill: change.autofill ?? stored.autofill,
      clockCorrection,
      ...(clockOffsetMs === undefined ? {} : { clockOffsetMs }),
    };
    await services.settings.set(clean);
    services.onSettingsChanged(clean);
    return clean;
  });
}
