/**
 * A code filled because the user chose an account is kept current like an autofilled one
 * (content/fill/keep-fresh.ts): the in-field button's pick (content/pick-ready → fill/pick-code) and a
 * popup click on one of a site's several accounts (content/fill-now with its id). Before, both filled
 * once and were left alone: a user who signed in a minute later, or after a sleep, sent an expired
 * code, where an autofilled field was refreshed. The fake background answers as the real one does
 * (background/fill/pick.ts, handlers/fill-request.ts): a picked code comes with a one-use refresh grant
 * for `fill/pick-code`; `fill/request` on a site with two accounts answers `several` unless it names
 * one, under a live grant pinned to that account (the real grants.ts). The background's side is
 * unit-tested in tests/unit/background/fill.test.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeLoginPage, LOGIN_FORM } from './login-page';
import { accepted, codeOf, current, STEP } from './step-codes';
import { fakeContentRuntime } from '../../fake-browser';
import { frameScope, issueGrant, redeemGrant } from '../../../src/background/fill/grants';
import type { CodeAnswer } from '../../../src/shared/protocol';

const sender = { tab: { id: 7 }, frameId: 0, documentId: 'doc-1', url: 'https://login.example/' };
const ACCOUNTS = ['acc-1', 'acc-2'];
const asks: string[] = [];
/** What the picked account is: TOTP (a code with its end), or HOTP (no end: the background never refreshes it). */
let picked: () => CodeAnswer = current;
/** The pick-code grants the background holds (one use each), as pick.ts's `ready` map. */
const pickGrants = new Set<string>();

fakeContentRuntime((message) => {
  const now = Date.now();
  if (message.type === 'fill/pick-code') {
    const live = pickGrants.delete(message.grant as string);
    asks.push(live ? 'pick-code' : 'pick-code spent');
    if (!live) return null;
    const answer = picked();
    if (answer.validUntil === null) return answer;
    const grant = crypto.randomUUID();
    pickGrants.add(grant);
    return { ...answer, grant };
  }
  if (message.type !== 'fill/request') return {};
  const accountId = message.accountId as string | undefined;
  if (accountId === undefined) {
    asks.push('request');
    return { kind: 'several', count: ACCOUNTS.length };
  }
  const granted = redeemGrant(message.grant, sender, now, (scope) => (scope.accountId ?? accountId) === accountId);
  asks.push(granted ? `request ${accountId}+grant` : `request ${accountId}`);
  if (!granted) return { kind: 'none' };
  // HOTP: the code the popup took (the counter moved then), no end, no refresh grant.
  if (accountId === 'hotp-1') return { kind: 'code', code: '135790', next: null, validUntil: null, submit: false };
  const answer = current();
  const life = Math.max(answer.validUntil! - now, 5 * 60_000) + 10_000;
  return { ...answer, grant: issueGrant({ ...frameScope(sender), accountId }, life, now) };
});
await import('../../../src/content/page-ui');
const { fillNow, fillPicked } = await import('../../../src/content/autofill');

fakeLoginPage(LOGIN_FORM);
beforeEach(() => {
  asks.length = 0;
  pickGrants.clear();
  picked = current;
});

/** The user picked an account in the popup after a click on our button: the frame is told, asks, fills. */
async function pick(): Promise<HTMLInputElement> {
  const grant = crypto.randomUUID();
  pickGrants.add(grant);
  expect(await fillPicked(grant, location.origin)).toEqual({ filled: true });
  const input = document.querySelector('input')!;
  expect(input.value).toBe(picked().code); // control: filled
  return input;
}

describe('a code filled through the in-field pick', () => {
  it('is replaced once the period has passed: the user signs in 70 s later with a code the server takes', async () => {
    const input = await pick();
    const first = input.value;
    await vi.advanceTimersByTimeAsync(70_000);
    expect(input.value).not.toBe(first);
    expect(input.value).toBe(codeOf(Date.now()));
    expect(accepted()).toContain(input.value);
    // At the two rollovers (09:00:30, 09:01:00) only, each with the grant the answer before it brought.
    expect(asks).toEqual(['pick-code', 'pick-code', 'pick-code']);
  });

  it('after the computer slept 2 minutes: the current code within 2 s of waking', async () => {
    const input = await pick();
    vi.setSystemTime(Date.now() + 2 * 60_000); // timers stood still, the wall clock did not
    await vi.advanceTimersByTimeAsync(2000);
    expect(input.value).toBe(codeOf(Date.now()));
  });

  it('is not replaced once the user edited the field', async () => {
    const input = await pick();
    await vi.advanceTimersByTimeAsync(21_000); // control: 09:00:31, refreshed at the rollover
    expect(input.value).toBe(codeOf(Date.now()));
    expect(asks).toEqual(['pick-code', 'pick-code']);
    input.value = '12345';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(input.value).toBe('12345');
    expect(asks).toEqual(['pick-code', 'pick-code']);
  });

  it('HOTP (no end to its code): never asked for again, so the counter is never moved by a refresh', async () => {
    picked = () => ({ kind: 'code', code: '424242', next: null, validUntil: null, submit: false });
    const input = await pick();
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(input.value).toBe('424242');
    expect(asks).toEqual(['pick-code']);
  });

  it('stops after 5 minutes: the field keeps its last code, nothing is asked any more', async () => {
    const input = await pick();
    await vi.advanceTimersByTimeAsync(4 * 60_000 + 51_000); // 09:05:01, past a rollover: still refreshed
    expect(input.value).toBe(codeOf(Date.now()));
    await vi.advanceTimersByTimeAsync(30_000);
    const count = asks.length;
    const last = input.value;
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(asks.length).toBe(count);
    expect(input.value).toBe(last);
    expect(input.value).not.toBe(codeOf(Date.now()));
  });

  it('a spent grant gives nothing: the field keeps what it holds, refreshing stops', async () => {
    const input = await pick();
    pickGrants.clear(); // the service worker restarted: its grants are gone
    await vi.advanceTimersByTimeAsync(STEP);
    expect(asks).toEqual(['pick-code', 'pick-code spent']);
    const held = input.value;
    await vi.advanceTimersByTimeAsync(2 * STEP);
    expect(input.value).toBe(held);
    expect(asks).toHaveLength(2);
  });
});

describe("a popup click on one of the site's several accounts (content/fill-now with its id)", () => {
  it('is kept current: each refresh names the account, under the grant the answer before it brought', async () => {
    const tabGrant = issueGrant({ tabId: 7 }, 15_000, Date.now());
    expect(await fillNow(tabGrant, 'acc-2')).toEqual({ filled: true });
    const input = document.querySelector('input')!;
    vi.setSystemTime(Date.now() + 2 * 60_000); // and a sleep
    await vi.advanceTimersByTimeAsync(2000);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(input.value).toBe(codeOf(Date.now()));
    expect(new Set(asks)).toEqual(new Set(['request acc-2+grant']));
  });

  it('HOTP (the popup took the code): filled once, never asked for again', async () => {
    const tabGrant = issueGrant({ tabId: 7 }, 15_000, Date.now());
    expect(await fillNow(tabGrant, 'hotp-1')).toEqual({ filled: true });
    const input = document.querySelector('input')!;
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(input.value).toBe('135790');
    expect(asks).toEqual(['request hotp-1+grant']);
  });
});
