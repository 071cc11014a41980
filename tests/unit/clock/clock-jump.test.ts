/**
 * The user accepted "+90 s" (clock 90 s behind), then sets the computer's clock right (or NTP does):
 * the worker sees its wall clock jump 90 s against the monotonic one, and once a sample taken since
 * says 0 s, the accepted offset becomes 0 (review rev-codes, finding 2: codes stayed 90 s ahead). A wake
 * from sleep looks like a jump too: the sites still say +90 s then, and nothing changes.
 */
import { describe, expect, it } from 'vitest';
import { ClockKeeper } from '../../../src/background/clock/keeper';
import { WallClockWatch } from '../../../src/background/clock/wall-jump';
import { offsetAfterJump } from '../../../src/background/clock/correction';
import type { ClockSample } from '../../../src/core/clock';
import type { Settings } from '../../../src/shared/protocol';

const T0 = 1_800_000_000_000;

/** A worker's clocks: `wall` may be set, `mono` only runs. */
function clocks() {
  const c = { wall: T0, mono: 1000 };
  return {
    c,
    pass(ms: number) {
      c.wall += ms;
      c.mono += ms;
    },
    watch: new WallClockWatch(
      () => c.wall,
      () => c.mono,
    ),
  };
}

function keeperWith(settings: Settings, clock: ReturnType<typeof clocks>) {
  const accepted: number[] = [];
  const keeper = new ClockKeeper(
    {
      settings: async () => settings,
      accept: async (ms) => {
        accepted.push(ms);
        settings.clockOffsetMs = ms;
      },
    },
    clock.watch,
    () => clock.c.wall,
  );
  return { keeper, accepted };
}

const sample = (offsetMs: number, at: number): ClockSample => ({
  offsetMs,
  uncertaintyMs: 600,
  at,
  source: 'bank.test',
});

describe('a change of this computer clock while correcting', () => {
  it('set right by +90 s: the first sample since confirms it and the accepted 90 s becomes 0', async () => {
    const clock = clocks();
    const settings: Settings = { autoLockMinutes: 15, autofill: true, clockCorrection: true, clockOffsetMs: 90_000 };
    const { keeper, accepted } = keeperWith(settings, clock);
    clock.pass(60_000);
    expect(await keeper.offset()).toBe(90_000);
    clock.c.wall += 90_000; // the user sets the clock right
    clock.pass(5000);
    // Before any sample since the change, codes keep the accepted offset (a wake from sleep looks the same).
    expect(await keeper.offset()).toBe(90_000);
    keeper.noteSample(sample(200, clock.c.wall - 300)); // the login page's load: the site agrees now
    expect(await keeper.offset()).toBe(0);
    expect(accepted).toEqual([0]);
    expect(settings.clockOffsetMs).toBe(0);
  });

  it('a wake from sleep (the wall clock ran on, the monotonic one did not): the sites still say 90 s, nothing moves', async () => {
    const clock = clocks();
    const settings: Settings = { autoLockMinutes: 15, autofill: true, clockCorrection: true, clockOffsetMs: 90_000 };
    const { keeper, accepted } = keeperWith(settings, clock);
    clock.c.wall += 3_600_000;
    keeper.noteSample(sample(90_100, clock.c.wall - 200));
    expect(await keeper.offset()).toBe(90_000);
    expect(accepted).toEqual([]);
  });

  it('a sample from before the jump does not count; correction off: nothing is stored', async () => {
    const clock = clocks();
    const settings: Settings = { autoLockMinutes: 15, autofill: true, clockCorrection: true, clockOffsetMs: 90_000 };
    const { keeper, accepted } = keeperWith(settings, clock);
    clock.c.wall += 90_000;
    keeper.noteSample(sample(0, T0 - 1000)); // recorded late, timed on the old clock
    expect(await keeper.offset()).toBe(90_000);
    const off = keeperWith({ autoLockMinutes: 15, autofill: true, clockCorrection: false }, clock);
    clock.c.wall -= 90_000;
    off.keeper.noteSample(sample(0, clock.c.wall));
    expect(await off.keeper.offset()).toBe(0);
    expect([...accepted, ...off.accepted]).toEqual([]);
  });

  it('offsetAfterJump: the shifted offset, the same one, or not known yet', () => {
    expect(offsetAfterJump(90_000, 90_000, [sample(300, 0)])).toBe(0);
    expect(offsetAfterJump(90_000, 90_000, [sample(90_000, 0)])).toBe(90_000);
    expect(offsetAfterJump(90_000, 90_000, [])).toBeNull();
    expect(offsetAfterJump(90_000, 90_000, [sample(0, 0), sample(90_000, 1)])).toBeNull();
  });
});
