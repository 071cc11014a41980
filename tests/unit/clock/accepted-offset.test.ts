/**
 * Codes are corrected by the offset the user accepted, not by whatever the samples say now (review
 * rev-codes): a lock clears the samples (finding 1), one account site alone right after an unlock could
 * set every account's codes (finding 3), and one site with a wrong clock made the estimate null and
 * silently turned the correction off everywhere, with nothing said (finding 4). The real background over
 * the adapter; the code offset source is the one index.ts installs (clock/keeper.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOW, startBackground, withVault, type Background } from '../../adapter/background';
import { ClockKeeper } from '../../../src/background/clock/keeper';
import { setCodeOffsetSource } from '../../../src/background/clock/code-clock';
import { settingsGet } from '../../../src/background/handlers/settings-get';
import { settingsSet } from '../../../src/background/handlers/settings-set';
import { parseOtpauthUri } from '../../../src/core/otpauth-uri';
import { codeAt } from '../../../src/core/otp';
import type { ClockStatus } from '../../../src/shared/protocol';

const PASSWORD = 'correct horse battery';
const URI = 'otpauth://totp/Bank:ann?secret=JBSWY3DPEHPK3PXP&issuer=Bank';
const account = parseOtpauthUri(URI);

let bg: Background;

/** Five samples of `offsetMs` from `source`, 3 s apart, ending at the (fake) now. */
async function visit(source: string, offsetMs: number) {
  for (let k = 4; k >= 0; k--)
    await bg.services.clock.add({ offsetMs, uncertaintyMs: 600, at: Date.now() - k * 3000, source }, false);
}

const status = () => bg.send({ type: 'clock/status' }) as Promise<ClockStatus>;
const shownCode = async () => bg.code((await bg.accounts())[0]!.id);

beforeEach(async () => {
  bg = await withVault(await startBackground(), [URI]);
  const keeper = new ClockKeeper({
    settings: () => settingsGet(bg.services),
    accept: (clockOffsetMs) => settingsSet(bg.services, { clockOffsetMs }),
  });
  setCodeOffsetSource(() => keeper.offset());
  // As index.ts: a lock clears the samples (they name the user's sites).
  bg.services.vault.onLock(() => void bg.services.clock.clear());
});

afterEach(() => setCodeOffsetSource(() => Promise.resolve(0)));

describe('the accepted clock offset', () => {
  it('"Correct codes by 90 s" stores the 90 s the user saw; codes keep it after a lock and an unlock (no samples then)', async () => {
    await visit('bank.test', 90_000);
    expect((await status()).offsetMs).toBe(90_000);
    await bg.api.correctClock(true, 90_000);
    expect(await shownCode()).toBe(codeAt(account, NOW + 90_000));
    await bg.send({ type: 'vault/lock' });
    await bg.send({ type: 'vault/unlock', password: PASSWORD });
    expect(await bg.services.clock.samples()).toEqual([]);
    expect(await shownCode()).toBe(codeAt(account, NOW + 90_000));
    const after = await status();
    expect(after).toMatchObject({ offsetMs: null, correcting: true, acceptedMs: 90_000, sitesDisagree: false });
  });

  it('right after an unlock, one account site a day ahead does not move any code; the status shows it for the popup to ask', async () => {
    await visit('bank.test', 0);
    await bg.api.correctClock(true, 0);
    await bg.send({ type: 'vault/lock' });
    await bg.send({ type: 'vault/unlock', password: PASSWORD });
    await visit('forum.test', 23 * 3_600_000);
    expect(await shownCode()).toBe(codeAt(account, NOW));
    expect(await status()).toMatchObject({ offsetMs: 23 * 3_600_000, sources: 1, correcting: true, acceptedMs: 0 });
  });

  it('one site with a wrong clock neither turns the correction off nor goes unsaid: codes keep 90 s, the status says the sites disagree', async () => {
    await visit('bank.test', 90_000);
    await bg.api.correctClock(true, 90_000);
    await visit('forum.test', 3_600_000);
    expect(await shownCode()).toBe(codeAt(account, NOW + 90_000));
    expect(await status()).toMatchObject({ offsetMs: null, correcting: true, acceptedMs: 90_000, sitesDisagree: true });
  });

  it('turned on in the options (no offset seen): none accepted, codes on this clock, and the status has the offset to ask about', async () => {
    await visit('bank.test', 90_000);
    await bg.send({ type: 'settings/set', settings: { clockCorrection: true } });
    expect(await shownCode()).toBe(codeAt(account, NOW));
    expect(await status()).toMatchObject({ offsetMs: 90_000, correcting: true, acceptedMs: null });
  });

  it('turning it off forgets the offset; an offset is refused while it is off, or beyond a day', async () => {
    await bg.api.correctClock(true, 90_000);
    expect(await settingsGet(bg.services)).toMatchObject({ clockCorrection: true, clockOffsetMs: 90_000 });
    // Another setting changed keeps it; turning it on again without one keeps it too.
    await bg.send({ type: 'settings/set', settings: { autofill: false } });
    await bg.send({ type: 'settings/set', settings: { clockCorrection: true } });
    expect((await settingsGet(bg.services)).clockOffsetMs).toBe(90_000);
    await bg.api.correctClock(false);
    expect((await settingsGet(bg.services)).clockOffsetMs).toBeUndefined();
    await expect(bg.send({ type: 'settings/set', settings: { clockOffsetMs: 5000 } })).rejects.toMatchObject({
      code: 'protocol/bad-request',
    });
    await expect(
      bg.send({ type: 'settings/set', settings: { clockCorrection: true, clockOffsetMs: 25 * 3_600_000 } }),
    ).rejects.toMatchObject({ code: 'protocol/bad-request' });
    expect((await settingsGet(bg.services)).clockCorrection).toBe(false);
  });
});
