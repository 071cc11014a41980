/**
 * The popup's clock line over the real background (tests/adapter): shown over 15 s only, in plain words
 * with the offset; "Correct" turns correction on with the offset shown (settings/set) and asks for codes
 * again. Once on, codes keep that offset; when the sites now say something else the popup asks, and it
 * says when the sites disagree (review rev-codes).
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
async function withOffset(offsetMs: number | null, correcting: false | number | 'none' = false) {
  const bg = await withVault(await startBackground(), ['otpauth://totp/Bank:ann?secret=JBSWY3DPEHPK3PXP&issuer=Bank']);
  if (offsetMs !== null) {
    for (let i = 0; i < 5; i++)
      await bg.services.clock.add(
        { offsetMs: offsetMs + (i - 2) * 10, uncertaintyMs: 600, at: NOW - i * 5000, source: 'https://bank.test' },
        false,
      );
  }
  if (correcting === 'none') await bg.send({ type: 'settings/set', settings: { clockCorrection: true } });
  else if (correcting !== false) await bg.api.correctClock(true, correcting);
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
      { type: 'settings/set', settings: { clockCorrection: true, clockOffsetMs: 90_000 } },
    ]);
    expect((await bg.send({ type: 'settings/get' })).clockOffsetMs).toBe(90_000);
    expect(warning()).toBeNull();
    expect(el.querySelector('[data-testid=clock-corrected]')?.textContent).toBe(msg('clockCorrected', '90 s'));
    expect(codesAsked()).toBeGreaterThan(before);
  });

  it('when already correcting by what the sites say, only a quiet line', async () => {
    const { el, warning } = await withOffset(-40_000, -40_000);
    expect(warning()).toBeNull();
    expect(el.querySelector('[data-testid=clock-changed]')).toBeNull();
    expect(el.querySelector('[data-testid=clock-corrected]')?.textContent).toBe(msg('clockCorrected', '40 s'));
  });

  it('correcting, no samples (after a lock): the quiet line names the accepted offset', async () => {
    const { el } = await withOffset(null, 90_000);
    expect(el.querySelector('[data-testid=clock-corrected]')?.textContent).toBe(msg('clockCorrected', '90 s'));
  });

  it('the clock was set right: the sites say 0, codes still +90 s; it asks, and "Stop correcting" turns it off', async () => {
    const { bg, el } = await withOffset(0, 90_000);
    const notice = el.querySelector('[data-testid=clock-changed]');
    expect(notice?.querySelector('p')?.textContent).toBe(
      `${msg('clockNowRight', '1')} ${msg('clockCorrectedBy', '90 s')}`,
    );
    expect(notice?.querySelector('[data-testid=clock-use]')).toBeNull();
    await click(notice?.querySelector('[data-testid=clock-stop]'));
    expect(await bg.send({ type: 'settings/get' })).toMatchObject({ clockCorrection: false });
    expect((await bg.send({ type: 'settings/get' })).clockOffsetMs).toBeUndefined();
    expect(el.querySelector('[data-testid=clock-changed]')).toBeNull();
  });

  it('the sites now say 2 min behind, codes +90 s: "Correct codes by 2 min" stores the new offset', async () => {
    const { bg, el } = await withOffset(120_000, 90_000);
    const notice = el.querySelector('[data-testid=clock-changed]');
    expect(notice?.querySelector('p')?.textContent).toBe(
      `${msg('clockNowBehind', '1', '2 min')} ${msg('clockCorrectedBy', '90 s')}`,
    );
    const use = notice?.querySelector('[data-testid=clock-use]');
    expect(use?.textContent).toBe(msg('clockCorrect', '2 min'));
    await click(use);
    expect(await bg.send({ type: 'settings/get' })).toMatchObject({ clockCorrection: true, clockOffsetMs: 120_000 });
    expect(el.querySelector('[data-testid=clock-corrected]')?.textContent).toBe(msg('clockCorrected', '2 min'));
  });

  it('turned on in the options (none accepted): it asks by how much', async () => {
    const { el } = await withOffset(90_000, 'none');
    const notice = el.querySelector('[data-testid=clock-changed]');
    expect(notice?.querySelector('p')?.textContent).toBe(
      `${msg('clockNowBehind', '1', '90 s')} ${msg('clockUncorrected')}`,
    );
  });

  it('two sites that disagree: one line says so, and codes keep the accepted offset', async () => {
    const { bg } = await withOffset(null);
    for (const [source, offsetMs] of [
      ['https://bank.test', 90_000],
      ['https://forum.test', 3_600_000],
    ] as const)
      for (let i = 0; i < 5; i++)
        await bg.services.clock.add({ offsetMs, uncertaintyMs: 600, at: NOW - i * 5000, source }, false);
    await bg.api.correctClock(true, 90_000);
    unmount();
    const el = await mount(bg.api);
    expect(el.querySelector('[data-testid=clock-disagree]')?.textContent).toBe(
      `${msg('clockSitesDisagree')} ${msg('clockCorrectedBy', '90 s')}`,
    );
  });
});
