import { describe, expect, it } from 'vitest';
import { startAutoLock, type IdleLike } from '../../../src/background/auto-lock';
import type { Settings } from '../../../src/shared/protocol';

function fakeIdle() {
  const intervals: number[] = [];
  let listener: ((state: 'active' | 'idle' | 'locked') => void) | null = null;
  const idle: IdleLike = {
    setDetectionInterval: (s) => intervals.push(s),
    onStateChanged: { addListener: (l) => (listener = l) },
  };
  return { idle, intervals, emit: (state: 'active' | 'idle' | 'locked') => listener?.(state) };
}

async function setup(settings: Settings) {
  const fake = fakeIdle();
  let locks = 0;
  const apply = startAutoLock(fake.idle, async () => void locks++, Promise.resolve(settings));
  await Promise.resolve();
  return { ...fake, apply, locks: () => locks };
}

describe('auto-lock', () => {
  it.each([
    [1, 60],
    [5, 300],
    [15, 900],
    [60, 3600],
  ] as const)('%i minutes sets a %i s idle interval and locks when idle', async (minutes, seconds) => {
    const s = await setup({ autoLockMinutes: minutes, autofill: true });
    expect(s.intervals).toEqual([seconds]);
    s.emit('active');
    expect(s.locks()).toBe(0);
    s.emit('idle');
    expect(s.locks()).toBe(1);
  });

  it('always locks when the screen locks', async () => {
    const s = await setup({ autoLockMinutes: 'browser-close', autofill: true });
    s.emit('locked');
    expect(s.locks()).toBe(1);
  });

  it('"browser-close" does not lock on inactivity', async () => {
    const s = await setup({ autoLockMinutes: 'browser-close', autofill: true });
    s.emit('idle');
    expect(s.locks()).toBe(0);
  });

  it('an idle event that wakes the worker before its settings are read waits for them: "browser-close" does not lock, minutes do', async () => {
    for (const [choice, locked] of [
      ['browser-close', 0],
      [5, 1],
    ] as const) {
      const fake = fakeIdle();
      let locks = 0;
      let read!: (settings: Settings) => void;
      startAutoLock(fake.idle, async () => void locks++, new Promise<Settings>((done) => (read = done)));
      fake.emit('idle'); // dispatched as the woken worker starts, before the settings are in
      read({ autoLockMinutes: choice, autofill: true });
      await new Promise((done) => setTimeout(done, 0));
      expect([choice, locks]).toEqual([choice, locked]);
    }
  });

  it('settings that cannot be read lock on idle (the safe side)', async () => {
    const fake = fakeIdle();
    let locks = 0;
    startAutoLock(fake.idle, async () => void locks++, Promise.reject(new Error('storage gone')));
    fake.emit('idle');
    await new Promise((done) => setTimeout(done, 0));
    expect(locks).toBe(1);
  });

  it('a settings change takes effect at once', async () => {
    const s = await setup({ autoLockMinutes: 'browser-close', autofill: true });
    s.apply({ autoLockMinutes: 5, autofill: true });
    expect(s.intervals.at(-1)).toBe(300);
    s.emit('idle');
    expect(s.locks()).toBe(1);
  });
});
