/**
 * The popup's clock line over the real background (tests/adapter): shown over 15 s only, in plain words
 * with the offset; "Correct" turns correction on (settings/set) and asks for codes again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOW, startBackground, withVault } from '../../adapter/background';
import { click, mount, msg, unmount } from './helpers';

afterEach(() => {
  unmount();
  vi.useRealTimers();
});

/**
 * An unlocked vault with one account (no site, so `clock/status` has no site to probe) and, unless
 * `offsetMs` is null, five agreeing samples from one site (median = `offsetMs`) in the background's sample ring.
 */
async function withOffset(offsetMs: number | null, correcting = false) {
  const bg = await withVault(await startBackground(), ['otpauth://totp/Bank:ann?secret=JBSWY3DPEHPK3PXP&issuer=Bank']);
  if (offsetMs !== null) {
    for (let i = 0; i < 5; i++)
      await bg.services.clock.add(
        { offsetMs: offsetMs + (i - 2) * 10, uncertaintyMs: 600, at: NOW - i * 5000, source: 'https://bank.test' },
        false,
      );
  }
  if (correcting) await bg.api.correctClock(true);
  bg.sent.length = 0;
  const el = await mount(bg.api);
  return { bg, el, warning: () => el.querySelector('[data-testid=clock-warning]') };
}

describe('popup clock notice', () => {
  it.each([null, 0, 15_000, -15_000])('says nothing when the offset is %s', async (offset) => {
    const { bg, el, warning } = await withOffset(offset);
    expect(el.querySelector('[data-testid=account]')).not.toBeNull(); // control: the popup rendered
    expect(bg.sent.some((m) => m.type === 'clock/status')).toBe(true); // control: it asked
    expect(warning()).toBeNull();
    expect(el.querySelector('[data-testid=clock-corrected]')).toBeNull();
  });

  it.each([
    [90_400, msg('clockBehind', '90 s')],
    [-125_000, msg('clockAhead', '2 min')],
    [3 * 3600_000, msg('clockBehind', '3 h')],
  ])('one line for %d ms', async (offset, line) => {
    const { warning } = await withOffset(offset);
    expect(warning()?.querySelector('p')?.textContent).toBe(line);
  });

  it('"Correct codes by 90 s" turns correction on and fetches the codes again', async () => {
    const { bg, el, warning } = await withOffset(90_000);
    const codesAsked = () => bg.sent.filter((m) => m.type === 'codes/get').length;
    const before = codesAsked();
    const button = warning()?.querySelector('button');
    expect(button?.textContent).toBe(msg('clockCorrect', '90 s'));
    expect((await bg.send({ type: 'settings/get' })).clockCorrection).toBe(false);
    await click(button);
    expect((await bg.send({ type: 'settings/get' })).clockCorrection).toBe(true);
    // Only this choice is sent: a copy of the other settings could undo an options tab's change.
    expect(bg.sent.filter((m) => m.type === 'settings/set')).toEqual([
      { type: 'settings/set', settings: { clockCorrection: true } },
    ]);
    expect(warning()).toBeNull();
    expect(el.querySelector('[data-testid=clock-corrected]')?.textContent).toBe(msg('clockCorrected', '90 s'));
    expect(codesAsked()).toBeGreaterThan(before);
  });

  it('when already correcting, only a quiet line', async () => {
    const { el, warning } = await withOffset(-40_000, true);
    expect(warning()).toBeNull();
    expect(el.querySelector('[data-testid=clock-corrected]')?.textContent).toBe(msg('clockCorrected', '40 s'));
  });
});
