/**
 * A login code field we filled is kept current (content/fill/keep-fresh.ts), however much time it had
 * left at the fill: a user who signs in a minute later (reading a message, fetching coffee) would
 * otherwise send a code two steps old, which servers with a ±1 window reject. Also after the computer
 * slept: timers stop then, the wall clock does not (fake timers: `vi.setSystemTime` moves Date, no
 * timer runs). Only while the field holds exactly our code, and for a few minutes. (Found by the
 * rev-codes review.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeLoginPage, LOGIN_FORM } from './login-page';
import { codeOf, current, accepted } from './step-codes';
import { fakeContentRuntime } from '../../fake-browser';

let asked = 0;
fakeContentRuntime((message) => {
  if (message.type !== 'fill/request') return {};
  asked++;
  return current();
});
await import('../../../src/content/page-ui');
const { startAutofill } = await import('../../../src/content/autofill');

let stop = () => undefined as void;
fakeLoginPage();
beforeEach(() => {
  asked = 0;
});
afterEach(() => stop());

async function filled() {
  document.body.innerHTML = LOGIN_FORM;
  stop = startAutofill(document);
  await vi.advanceTimersByTimeAsync(1500);
  const input = document.querySelector('input')!;
  expect(input.value).toBe(codeOf(Date.now())); // control: filled
  return input;
}

describe('login field filled with time to spare', () => {
  it('still holds a code the server takes when the user signs in 70 s later', async () => {
    const input = await filled();
    await vi.advanceTimersByTimeAsync(70_000);
    expect(input.value).toBe(codeOf(Date.now()));
    expect(accepted()).toContain(input.value);
  });

  it('after the computer slept 10 minutes: the current code within 2 s of waking', async () => {
    const input = await filled();
    vi.setSystemTime(Date.now() + 10 * 60_000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(input.value).toBe(codeOf(Date.now()));
  });

  it('asks only at rollovers, and stops when the user typed in the field', async () => {
    const input = await filled();
    const first = asked;
    await vi.advanceTimersByTimeAsync(18_000); // 09:00:29.5
    expect(asked).toBe(first); // nothing before the rollover
    await vi.advanceTimersByTimeAsync(2_000);
    expect(asked).toBe(first + 1);
    input.value = '12345';
    await vi.advanceTimersByTimeAsync(120_000);
    expect(asked).toBe(first + 1);
    expect(input.value).toBe('12345');
  });

  it('stops after a few minutes: no timer is left on the page', async () => {
    const input = await filled();
    await vi.advanceTimersByTimeAsync(6 * 60_000);
    const after = asked;
    const held = input.value;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(asked).toBe(after);
    expect(input.value).toBe(held);
    stop();
    await vi.advanceTimersByTimeAsync(3000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
