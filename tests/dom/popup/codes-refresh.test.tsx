/**
 * The popup's codes stay current (popup/use-codes.ts) while the system clock jumps with the popup open
 * (NTP sets a clock that was ahead right, the user fixes it, a VM resumes), after a failed refresh, and
 * for HOTP rows used in another window. Date is faked (tests/adapter), timers are real. (Found by the
 * rev-codes review.)
 *
 * Forward: the popup's one-second tick sees the code expired and asks again.
 * Back: the code's `validUntil` is now further ahead than a period: it was kept until then (an hour
 * back: an hour of a wrong code, the ring showing "3615"); now it counts as expired and is asked again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBackground, withVault } from '../../adapter/background';
import { mount, settle, unmount } from './helpers';
import { parseOtpauthUri } from '../../../src/core/otpauth-uri';
import { codeAt } from '../../../src/core/otp';
import { groupCode } from '../../../src/popup/order';

afterEach(() => {
  unmount();
  vi.useRealTimers();
});

const URI = 'otpauth://totp/Mail:zoe?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Mail';
const account = parseOtpauthUri(URI);
const shown = (el: HTMLElement) => el.querySelector('[data-testid=code]')?.textContent;
const ring = (el: HTMLElement) => Number(el.querySelector('[data-testid=countdown]')?.textContent);

async function jump(ms: number) {
  vi.setSystemTime(Date.now() + ms);
  await new Promise((done) => setTimeout(done, 1100)); // one popup tick (real timers)
  await settle();
}

describe('popup while the system clock jumps', () => {
  it('forward 90 s: the code of the new time shows within a tick (control)', async () => {
    const bg = await withVault(await startBackground(), [URI]);
    const el = await mount(bg.api);
    expect(shown(el)).toBe(groupCode(codeAt(account, Date.now())));
    await jump(90_000);
    expect(shown(el)).toBe(groupCode(codeAt(account, Date.now())));
    expect(ring(el)).toBeLessThanOrEqual(30);
  });

  it.each([90_000, 3_600_000])('back %d ms: the code of the new time shows within a tick', async (back) => {
    const bg = await withVault(await startBackground(), [URI]);
    const el = await mount(bg.api);
    const before = shown(el);
    expect(before).toBe(groupCode(codeAt(account, Date.now())));
    await jump(-back);
    const right = groupCode(codeAt(account, Date.now()));
    expect(right).not.toBe(before); // the jump changes the code (control)
    expect({ shown: shown(el), ring: ring(el) }).toEqual({ shown: right, ring: expect.any(Number) });
    expect(ring(el)).toBeLessThanOrEqual(30);
  });
});

/**
 * One failed `codes/get` at a rollover (not "locked": a worker restarting, a port closed) left
 * `expired` true, and the effect that asks depended on `expired` only: the popup showed the expired
 * code, its ring at 0, for as long as it stayed open. A failed ask is now made again shortly.
 */
describe('popup after one failed refresh', () => {
  it('asks again within 2 s and shows the current code', async () => {
    const bg = await withVault(await startBackground(), [URI]);
    let failNext = false;
    let asked = 0;
    const api = {
      ...bg.api,
      codes: (ids: string[]) => {
        asked++;
        if (!failNext) return bg.api.codes(ids);
        failNext = false;
        return Promise.reject(new Error('The message port closed before a response was received.'));
      },
    };
    const el = await mount(api);
    failNext = true;
    await jump(31_000); // the code expires; this refresh fails
    const afterFailure = asked;
    expect(failNext).toBe(false); // control: the failing call was made
    await jump(0);
    await jump(0); // 2.2 s (real) after the failure
    expect(asked).toBeGreaterThan(afterFailure);
    expect(shown(el)).toBe(groupCode(codeAt(account, Date.now())));
  });
});

const HOTP = 'otpauth://hotp/Counter:zoe?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Counter&counter=0';
// RFC 4226 appendix D, counters 0 and 1.
const [AT0, AT1] = ['755 224', '287 082'];

describe('HOTP row used in another popup window', () => {
  it('shows the next code once this window is back in front (HOTP codes never expire by themselves)', async () => {
    const bg = await withVault(await startBackground(), [HOTP]);
    const el = await mount(bg.api);
    expect(shown(el)).toBe(AT0);
    window.dispatchEvent(new Event('blur')); // the user goes to the other window
    const [account] = await bg.accounts();
    await bg.api.hotpUse(account!.id); // and takes the code there
    window.dispatchEvent(new Event('focus')); // back to this one
    await settle();
    expect(shown(el)).toBe(AT1);
  });

  it('control: the focus a popup gets as it opens asks for nothing', async () => {
    const bg = await withVault(await startBackground(), [HOTP]);
    const el = await mount(bg.api);
    const before = bg.sent.filter((m) => m.type === 'codes/get').length;
    window.dispatchEvent(new Event('focus'));
    await settle();
    expect(bg.sent.filter((m) => m.type === 'codes/get').length).toBe(before);
    expect(shown(el)).toBe(AT0);
  });
});
