/** The setup page's confirmation field is refreshed at rollover until the user types or submits. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { fakeContentRuntime } from '../../fake-browser';

// Nothing here reaches the background: `keepFresh` is given its own `ask`.
fakeContentRuntime(() => {
  throw new Error('unexpected message to the background');
});

const { keepFresh } = await import('../../../src/content/enroll/rollover');
const { fillCode, findOtpFields } = await import('../../../src/content/fill');

const T0 = Date.UTC(2026, 11, 5, 9, 0, 20);

function setup() {
  document.body.innerHTML =
    '<form><label for="c">Enter the 6-digit code</label><input id="c" autocomplete="one-time-code" inputmode="numeric"><button>Verify</button></form>';
  const target = findOtpFields(document)!;
  expect(fillCode(target, '111111')).toBe(true);
  const codes = ['222222', '333333', '444444'];
  const asked: number[] = [];
  let period = 0;
  const ask = vi.fn(async () => {
    asked.push(Date.now());
    const code = codes[period] ?? '';
    period++;
    return { code, validUntil: T0 + 10_000 + period * 30_000 };
  });
  const input = document.querySelector('input')!;
  return { target, ask, asked, input };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('confirmation field rollover', () => {
  it('asks just after each rollover (never before) and puts the new code in', async () => {
    const { target, ask, asked, input } = setup();
    keepFresh('tok', target, T0 + 10_000, ask);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(ask).not.toHaveBeenCalled();
    expect(input.value).toBe('111111');
    await vi.advanceTimersByTimeAsync(100);
    expect(input.value).toBe('222222');
    expect(asked[0]).toBeGreaterThanOrEqual(T0 + 10_000);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(input.value).toBe('333333');
    expect(ask).toHaveBeenCalledTimes(2);
    expect(ask).toHaveBeenCalledWith('tok');
  });

  it('an answer whose validity already ended does not make it ask in a loop: at most once a second', async () => {
    const { target, input } = setup();
    let n = 0;
    const ask = vi.fn(async () => ({ code: String(200000 + ++n), validUntil: T0 - 60_000 }));
    keepFresh('tok', target, T0 - 60_000, ask);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ask.mock.calls.length).toBeGreaterThanOrEqual(5);
    expect(ask.mock.calls.length).toBeLessThanOrEqual(10);
    expect(input.value).toBe(String(200000 + n));
  });

  it('stops once the user typed: the field keeps what the user wrote', async () => {
    const { target, ask, input } = setup();
    keepFresh('tok', target, T0 + 10_000, ask);
    input.value = '98765';
    await vi.advanceTimersByTimeAsync(70_000);
    expect(ask).not.toHaveBeenCalled();
    expect(input.value).toBe('98765');
  });

  it('stops once the form is submitted', async () => {
    const { target, ask, input } = setup();
    keepFresh('tok', target, T0 + 10_000, ask);
    await vi.advanceTimersByTimeAsync(10_100);
    expect(input.value).toBe('222222');
    input.form!.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.advanceTimersByTimeAsync(70_000);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(input.value).toBe('222222');
  });

  it('stops when the background has no code any more (Undo, expired token, locked)', async () => {
    const { target, input } = setup();
    const ask = vi.fn(async () => ({ code: '', validUntil: null }));
    keepFresh('tok', target, T0 + 10_000, ask);
    await vi.advanceTimersByTimeAsync(70_000);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(input.value).toBe('111111');
  });

  it.each([10, 30])('keeps a %i-s code current for 30 minutes, whatever the period, then stops', async (period) => {
    const { target, input } = setup();
    const rollover = (at: number) => (Math.floor(at / (period * 1000)) + 1) * period * 1000;
    const ask = vi.fn(async () => ({ code: String(Date.now()).slice(-6), validUntil: rollover(Date.now()) }));
    keepFresh('tok', target, rollover(T0), ask);
    // After 29 minutes the field still holds the code of the current period (asked at each rollover).
    await vi.advanceTimersByTimeAsync(29 * 60_000 + 1_000);
    expect(ask.mock.calls.length).toBeGreaterThanOrEqual((29 * 60) / period - 1);
    const last = await ask.mock.results.at(-1)!.value;
    expect(input.value).toBe(last.code);
    expect(last.validUntil).toBeGreaterThan(Date.now());
    // Past the half hour nothing more is asked.
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    const asked = ask.mock.calls.length;
    expect(asked).toBeLessThanOrEqual((30 * 60) / period + 1);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(ask).toHaveBeenCalledTimes(asked);
  });

  it('the returned stop function ends it', async () => {
    const { target, ask, input } = setup();
    keepFresh('tok', target, T0 + 10_000, ask)();
    await vi.advanceTimersByTimeAsync(70_000);
    expect(ask).not.toHaveBeenCalled();
    expect(input.value).toBe('111111');
  });
});

/**
 * Timers run on a clock that stops while the computer sleeps, and the wall clock can jump forward:
 * a timer aimed at `validUntil` then fires up to a period late. Fake timers model exactly that:
 * `vi.setSystemTime` moves Date, no timer runs. (Found by the rev-codes review.)
 */
describe('confirmation field after the computer slept', () => {
  const STEP = 30_000;
  const codeOf = (at: number) => String(Math.floor(at / STEP) % 1_000_000).padStart(6, '0');
  /** What the background would answer now: the code of this 30-s step. */
  const current = async () => ({ code: codeOf(Date.now()), validUntil: (Math.floor(Date.now() / STEP) + 1) * STEP });
  const sleepComputer = (ms: number) => vi.setSystemTime(Date.now() + ms);

  function filled() {
    document.body.innerHTML =
      '<form><label for="c">Enter the 6-digit code</label><input id="c" autocomplete="one-time-code" inputmode="numeric"><button>Verify</button></form>';
    const target = findOtpFields(document)!;
    expect(fillCode(target, codeOf(Date.now()))).toBe(true);
    return { target, input: document.querySelector('input')!, first: codeOf(Date.now()) };
  }

  it('within 2 s of waking the field holds the current code', async () => {
    const { target, input, first } = filled();
    const stop = keepFresh('tok', target, (Math.floor(Date.now() / STEP) + 1) * STEP, current);
    sleepComputer(10 * 60_000);
    await vi.advanceTimersByTimeAsync(2000);
    stop();
    expect(input.value).not.toBe(first);
    expect(input.value).toBe(codeOf(Date.now()));
  });

  it('the tab shown again (timers of a hidden tab are throttled): the current code at once', async () => {
    const { target, input } = filled();
    const stop = keepFresh('tok', target, (Math.floor(Date.now() / STEP) + 1) * STEP, current);
    sleepComputer(10 * 60_000);
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    stop();
    expect(input.value).toBe(codeOf(Date.now()));
  });

  it('the clock set back an hour: within 2 s the field holds the code of the new time', async () => {
    const { target, input, first } = filled();
    const stop = keepFresh('tok', target, (Math.floor(Date.now() / STEP) + 1) * STEP, current);
    await vi.advanceTimersByTimeAsync(500);
    vi.setSystemTime(Date.now() - 3_600_000);
    await vi.advanceTimersByTimeAsync(2000);
    stop();
    expect(input.value).not.toBe(first);
    expect(input.value).toBe(codeOf(Date.now()));
  });

  it('control: without a sleep the field is refreshed just after the rollover', async () => {
    const { target, input, first } = filled();
    const until = (Math.floor(Date.now() / STEP) + 1) * STEP;
    const stop = keepFresh('tok', target, until, current);
    await vi.advanceTimersByTimeAsync(until - Date.now() + 200);
    stop();
    expect(input.value).not.toBe(first);
    expect(input.value).toBe(codeOf(Date.now()));
  });
});
