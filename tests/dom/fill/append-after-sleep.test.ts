/**
 * "Password and code in one field" (content/fill/append-code.ts) after the computer slept: its refresh
 * is a timer aimed at `validUntil`, and timers stop while the computer sleeps (the wall clock does not)
 * or when the clock jumps forward. Fake timers model exactly that: `vi.setSystemTime` moves Date, no
 * timer runs. A code known to be expired is never appended: the sign-in is held, the code asked for,
 * then the sign-in made again. (Found by the rev-codes review.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FillAnswer } from '../../../src/shared/protocol';
import { pageSize } from './layout';
import { codeOf, current } from './step-codes';
import { fakeContentRuntime } from '../../fake-browser';

const T0 = Date.UTC(2026, 11, 5, 9, 0, 10);
let locked = false;
let asked = 0;
fakeContentRuntime((message) => {
  if (message.type !== 'fill/request') return {};
  asked++;
  return locked ? { kind: 'none' } : current();
});

const { appendCodes } = await import('../../../src/content/fill/append-code');

/** happy-dom events are never trusted; a user's are. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const pressEnter = (el: Element) =>
  el.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })));
const userClick = (el: Element) =>
  el.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
/** The computer sleeps `ms`: the wall clock moves on, timers do not. */
const sleepComputer = (ms: number) => vi.setSystemTime(Date.now() + ms);

let stop = () => undefined as void;
beforeEach(() => {
  locked = false;
  asked = 0;
  vi.useFakeTimers();
  vi.setSystemTime(T0);
  pageSize(1280, 2000);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 100, 200, 40));
});
afterEach(() => {
  stop();
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

/** A sign-in form whose page records what its own key, click and submit handlers read. */
function signIn() {
  document.body.innerHTML = '<form><input type="password" id="p"><button id="go">Sign in</button></form>';
  const password = document.querySelector<HTMLInputElement>('#p')!;
  const seen = { key: [] as string[], click: [] as string[], submit: [] as string[] };
  password.addEventListener('keydown', (e) => e.key === 'Enter' && seen.key.push(password.value));
  document.getElementById('go')!.addEventListener('click', () => seen.click.push(password.value));
  password.form!.addEventListener('submit', (e) => {
    e.preventDefault();
    seen.submit.push(password.value);
  });
  stop = appendCodes(document, password, current() as Extract<FillAnswer, { kind: 'code' }>);
  return { password, seen, before: codeOf(Date.now()) };
}

describe('password + code after the computer slept', () => {
  it('Enter 3 s after waking: the page reads the current code, never the one from before the sleep', async () => {
    const { password, seen, before } = signIn();
    sleepComputer(10 * 60_000);
    await vi.advanceTimersByTimeAsync(3000); // wakes, types the password
    password.value = 'hunter2';
    pressEnter(password);
    await vi.advanceTimersByTimeAsync(0);
    const now = `hunter2${codeOf(Date.now())}`;
    expect([...seen.key, ...seen.click, ...seen.submit]).not.toContain(`hunter2${before}`);
    expect(seen).toEqual({ key: [now], click: [now], submit: [now] }); // one sign-in, with the current code
    expect(password.value).toBe(now);
  });

  it('the sign-in button after waking: held, then clicked again with the current code, once', async () => {
    const { password, seen } = signIn();
    sleepComputer(10 * 60_000);
    password.value = 'hunter2';
    const go = document.getElementById('go')!;
    userClick(go);
    userClick(go); // an impatient second click while the code is on its way
    await vi.advanceTimersByTimeAsync(0);
    const now = `hunter2${codeOf(Date.now())}`;
    expect(seen).toEqual({ key: [], click: [now], submit: [now] });
  });

  it("the form's submit event after waking (a page submitting from script): held, then submitted again with the current code", async () => {
    const { password, seen } = signIn();
    sleepComputer(10 * 60_000);
    password.value = 'hunter2';
    password.form!.dispatchEvent(trusted(new SubmitEvent('submit', { bubbles: true, cancelable: true })));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.submit).toEqual([`hunter2${codeOf(Date.now())}`]);
  });

  it('the tab shown again after a sleep: the code is asked for at once, and Enter appends it without a hold', async () => {
    const { password, seen } = signIn();
    sleepComputer(10 * 60_000);
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toBe(1);
    password.value = 'hunter2';
    pressEnter(password);
    expect(password.value).toBe(`hunter2${codeOf(Date.now())}`);
    expect(seen.key).toEqual([`hunter2${codeOf(Date.now())}`]);
  });

  it('no code any more (the vault locked meanwhile): the sign-in goes as typed, without the expired code', async () => {
    const { password, seen } = signIn();
    sleepComputer(10 * 60_000);
    locked = true;
    password.value = 'hunter2';
    pressEnter(password);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual({ key: ['hunter2'], click: ['hunter2'], submit: ['hunter2'] });
  });

  it('control: without a sleep Enter appends the code at once (no hold, nothing asked)', async () => {
    const { password, seen, before } = signIn();
    await vi.advanceTimersByTimeAsync(3000);
    password.value = 'hunter2';
    pressEnter(password);
    expect(seen.key).toEqual([`hunter2${before}`]);
    expect(asked).toBe(0);
  });
});
