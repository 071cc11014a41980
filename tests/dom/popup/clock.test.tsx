/** The popup's clock line: shown over 15 s only, in plain words with the offset; "Correct" turns correction on and asks for codes again. */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBackground } from './fake-api';
import { click, mount, msg, unmount } from './helpers';

afterEach(unmount);

async function withOffset(offsetMs: number | null, correcting = false) {
  const api = new FakeBackground();
  api.state = 'unlocked';
  await api.addUri('otpauth://totp/Bank:ann?secret=JBSWY3DPEHPK3PXP&issuer=Bank');
  api.clockStatus = { offsetMs, uncertaintyMs: 600, samples: 5, sources: 1, correcting };
  const el = await mount(api);
  return { api, el, warning: () => el.querySelector('[data-testid=clock-warning]') };
}

describe('popup clock notice', () => {
  it.each([null, 0, 15_000, -15_000])('says nothing when the offset is %s', async (offset) => {
    const { el, warning } = await withOffset(offset);
    expect(el.querySelector('[data-testid=account]')).not.toBeNull(); // control: the popup rendered
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
    const { api, el, warning } = await withOffset(90_000);
    const before = api.calls.filter((c) => c.startsWith('codes:')).length;
    const button = warning()?.querySelector('button');
    expect(button?.textContent).toBe(msg('clockCorrect', '90 s'));
    await click(button);
    expect(api.calls).toContain('correct-clock:true');
    expect(warning()).toBeNull();
    expect(el.querySelector('[data-testid=clock-corrected]')?.textContent).toBe(msg('clockCorrected', '90 s'));
    expect(api.calls.filter((c) => c.startsWith('codes:')).length).toBeGreaterThan(before);
  });

  it('when already correcting, only a quiet line', async () => {
    const { el, warning } = await withOffset(-40_000, true);
    expect(warning()).toBeNull();
    expect(el.querySelector('[data-testid=clock-corrected]')?.textContent).toBe(msg('clockCorrected', '40 s'));
  });
});
