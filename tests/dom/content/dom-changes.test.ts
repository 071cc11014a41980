/**
 * The content script's one MutationObserver (src/content/dom-changes.ts): the listeners run once after
 * a window; a page that keeps changing gets longer windows, up to 1 s; a quiet spell or a user's
 * action brings them back to 40 ms, and a user's action also ends a slow window already under way.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { onDomChange as OnDomChange } from '../../../src/content/dom-changes';

let onDomChange: typeof OnDomChange;
let runs: number[];
let stop: () => void;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
  vi.resetModules();
  ({ onDomChange } = await import('../../../src/content/dom-changes'));
  document.body.innerHTML = '<p id="ticker">0</p>';
  runs = [];
  stop = onDomChange(document, () => runs.push(performance.now()));
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

/** A change to the page, seen by the observer (its records are delivered in a microtask). */
async function change(): Promise<void> {
  document.getElementById('ticker')!.textContent = String(Math.random());
  await Promise.resolve();
  await Promise.resolve();
}

/** A page that changes every 10 ms for `ms`. */
async function busy(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 10) {
    await change();
    await vi.advanceTimersByTimeAsync(10);
  }
}

/** Keeps the page busy until the listeners have run (a new window starts with the page's next change). */
async function untilRun(): Promise<void> {
  const before = runs.length;
  while (runs.length === before) await busy(10);
}

/** The gaps between the listener's runs. */
const gaps = () => runs.slice(1).map((t, i) => Math.round(t - runs[i]!));

it('a burst of changes: the listeners run once, 40 ms after the first', async () => {
  const start = performance.now();
  await change();
  await change();
  await vi.advanceTimersByTimeAsync(20);
  await change();
  expect(runs).toEqual([]);
  await vi.advanceTimersByTimeAsync(20);
  expect(runs.map((t) => t - start)).toEqual([40]);
  await vi.advanceTimersByTimeAsync(1000);
  expect(runs).toHaveLength(1); // nothing changed since
});

it('a page that keeps changing: windows double up to 1 s; a quiet spell brings them back to 40 ms', async () => {
  await busy(5000);
  // Each run is the window plus the ≤ 10 ms until the page's next change starts the next one.
  const seen = gaps();
  expect(seen.length).toBeGreaterThan(5);
  expect(
    seen.every((gap, i) => gap >= Math.min(1000, 40 << (i + 1)) && gap <= Math.min(1000, 40 << (i + 1)) + 10),
  ).toBe(true);
  expect(Math.max(...seen)).toBeLessThanOrEqual(1010);
  expect(seen.at(-1)).toBeGreaterThanOrEqual(1000);
  await vi.advanceTimersByTimeAsync(3000); // quiet
  const before = runs.length;
  const t = performance.now();
  await change();
  await vi.advanceTimersByTimeAsync(40);
  expect(runs.length).toBe(before + 1);
  expect(runs.at(-1)! - t).toBe(40);
});

it.each(['pointerdown', 'keydown', 'submit'])(
  'a user action (%s) on a busy page ends the slow window under way within 40 ms, and the next window is fast',
  async (type) => {
    await busy(5000);
    await untilRun();
    expect(gaps().at(-1)).toBeGreaterThanOrEqual(1000);
    // Just after a run: a 1 s window starts with the page's next change.
    const last = runs.length;
    await busy(100);
    expect(runs.length).toBe(last);
    const acted = performance.now();
    dispatchEvent(new Event(type));
    await busy(40);
    expect(runs.length).toBe(last + 1);
    expect(runs.at(-1)! - acted).toBe(40);
    // Then 80 ms, not 1 s: the windows start again from the fast end.
    await busy(100);
    expect(runs.length).toBe(last + 2);
    expect(runs.at(-1)! - runs.at(-2)!).toBeLessThanOrEqual(90);
  },
);

it('the control: without a user action the same busy page waits out its 1 s window', async () => {
  await busy(5000);
  await untilRun();
  const last = runs.length;
  await busy(100);
  await busy(140);
  expect(runs.length).toBe(last);
  await untilRun();
  expect(runs.at(-1)! - runs.at(-2)!).toBeGreaterThanOrEqual(1000);
});

it('a user action on a quiet page, or within a fast window, changes nothing', async () => {
  dispatchEvent(new Event('pointerdown'));
  await vi.advanceTimersByTimeAsync(500);
  expect(runs).toEqual([]); // nothing changed: nothing to look at
  const t = performance.now();
  await change();
  await vi.advanceTimersByTimeAsync(20);
  dispatchEvent(new Event('keydown'));
  await vi.advanceTimersByTimeAsync(20);
  expect(runs.map((r) => r - t)).toEqual([40]);
});
