/**
 * Keep-fresh (content/fill/keep-fresh.ts) with the grants of fill/request (background/handlers/
 * fill-request.ts): a fill the user asked for (popup click, shortcut) in a frame that is not "silent"
 * (autofill off, a cross-site frame, a field not seen, a consecutive field) is refreshed with the grant
 * each answer brings. The fake background answers as fill-request.ts does: a code only for a live grant
 * (the real grants.ts), with a refresh grant that covers at least 5 minutes (a sleep stops the page's
 * timers, not the wall clock); without one, `confirm` and a button grant. The background's side of this
 * rule is unit-tested in tests/unit/background/fill.test.ts. (Review of this session's diff.)
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeLoginPage, LOGIN_FORM } from './login-page';
import { current, accepted } from './step-codes';
import { fakeContentRuntime } from '../../fake-browser';
import { frameScope, issueGrant, redeemGrant } from '../../../src/background/fill/grants';

const sender = { tab: { id: 7 }, frameId: 0, documentId: 'doc-1', url: 'https://login.example/' };
const asks: string[] = [];
fakeContentRuntime((message) => {
  const now = Date.now();
  if (message.type === 'fill/pick-code') {
    asks.push('pick-code');
    return current(); // not asked here: the pick's refresh is tests/dom/fill/picked-field-fresh.test.ts
  }
  if (message.type !== 'fill/request') return {};
  const granted = redeemGrant(message.grant, sender, now);
  asks.push(granted ? 'request+grant' : 'request');
  if (!granted) return { kind: 'confirm', grant: issueGrant(frameScope(sender), 30 * 60_000, now) };
  const answer = current();
  const life = Math.max(answer.validUntil! - now, 5 * 60_000) + 10_000;
  return { ...answer, grant: issueGrant(frameScope(sender), life, now) };
});
await import('../../../src/content/page-ui');
const { fillNow } = await import('../../../src/content/autofill');

fakeLoginPage(LOGIN_FORM);
beforeEach(() => {
  asks.length = 0;
});

describe('a fill the user asked for (popup click / shortcut: content/fill-now, tab grant)', () => {
  it('control: kept current while awake (each answer brings the next grant)', async () => {
    const tabGrant = issueGrant({ tabId: 7 }, 10_000, Date.now());
    expect((await fillNow(tabGrant)).filled).toBe(true);
    const input = document.querySelector('input')!;
    await vi.advanceTimersByTimeAsync(70_000);
    expect(accepted()).toContain(input.value);
  });

  it('after the computer slept 2 minutes: the field holds a code the server takes', async () => {
    const tabGrant = issueGrant({ tabId: 7 }, 10_000, Date.now());
    expect((await fillNow(tabGrant)).filled).toBe(true);
    const input = document.querySelector('input')!;
    vi.setSystemTime(Date.now() + 2 * 60_000); // timers stood still, the wall clock did not
    await vi.advanceTimersByTimeAsync(2000);
    expect(asks.at(-1)).toBe('request+grant'); // the refresh after waking was covered
    expect(accepted()).toContain(input.value);
  });
});
