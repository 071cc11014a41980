/**
 * ClockKeeper.offset() (src/background/clock/keeper.ts) called twice at once right
 * after a confirmed clock change (the popup's codes/get and a page's fill/request, or popup-open and
 * clock/status): the first call takes the jump (this.jump = null) and awaits the settings write; the
 * second found no jump and returned the settings it read before, the old accepted offset (90 s = 3
 * steps off). Now every call made while the shift is stored waits for it. (Review of this session's diff.)
 */
import { expect, it } from 'vitest';
import { ClockKeeper } from '../../../src/background/clock/keeper';
import { WallClockWatch } from '../../../src/background/clock/wall-jump';
import type { Settings } from '../../../src/shared/protocol';

const T0 = 1_800_000_000_000;

it('two codes asked at once after the clock was set right both use the shifted offset', async () => {
  const c = { wall: T0, mono: 1000 };
  let settings: Settings = { autoLockMinutes: 15, autofill: true, clockCorrection: true, clockOffsetMs: 90_000 };
  const keeper = new ClockKeeper(
    {
      // As settingsGet: the worker's remembered copy (a new object after each settings/set).
      settings: async () => settings,
      // As settingsSet: a storage write, then the remembered copy is replaced.
      accept: async (ms) => {
        await new Promise((done) => setTimeout(done, 5));
        settings = { ...settings, clockOffsetMs: ms };
      },
    },
    new WallClockWatch(
      () => c.wall,
      () => c.mono,
    ),
    () => c.wall,
  );
  expect(await keeper.offset()).toBe(90_000);
  c.wall += 90_000; // the user sets the clock right
  keeper.noteSample({ offsetMs: 200, uncertaintyMs: 600, at: c.wall - 300, source: 'bank.test' });
  const both = await Promise.all([keeper.offset(), keeper.offset()]);
  // The build before answered [0, 90000]: the second code was 90 s off.
  expect(both).toEqual([0, 0]);
});
