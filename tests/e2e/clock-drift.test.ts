/**
 * Clock drift (issue 13), real Chromium: the fixture server's `Date` header for one host is 90 s ahead
 * of this machine's clock (the "real time" the site keeps). The extension learns the offset from the
 * Date headers of the pages the browser loads from the user's account site, with no request of its own;
 * the popup says so in one line and offers to correct; after that the code filled at login is the
 * server's current one. A site the user has no account on cannot move the estimate, and when the
 * browser brought no samples, one HEAD to the account's own site (never another) fills in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { PASSWORD, call, openPopup } from './popup-helpers';
import { fieldButton, openPopupWindow } from './pick-helpers';
import { closeBed, launchWithVault, servePages } from './setup';
import { parseOtpauthUri } from '../../src/core/otpauth-uri';
import { codeAt } from '../../src/core/otp';

const BANK = 'drift-bank.test';
const HOSTILE = 'clock-hostile.test';
/** A site the user did add an account on, whose many subdomains all give a Date an hour ahead. */
const EVIL = 'clock-evil.test';
/** A second account site whose clock agrees with BANK's. */
const SECOND = 'drift-mail.test';
const EVIL_HOSTS = [EVIL, ...Array.from({ length: 7 }, (_, i) => `a${i}.${EVIL}`)];
/** An account site whose server gives a Date 23 h ahead (hostile, or merely broken). */
const FORUM = 'clock-forum.test';
const SKEW_MS = 90_000;
const URI = 'otpauth://totp/Drift%20Bank:ann?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Drift%20Bank';
const account = parseOtpauthUri(URI);

let server: FixtureServer;
let ext: LoadedExtension;

beforeAll(async () => {
  server = await servePages({
    // One page of the account site framing seven of its own subdomains: eight origins, one site.
    '/clock/frames.html': () =>
      `<!doctype html><title>Frames</title>${EVIL_HOSTS.slice(1)
        .map((host) => `<iframe src="${server.url('/basic.html', host, 'https')}"></iframe>`)
        .join('')}`,
  });
  server.skewDate(BANK, SKEW_MS);
  server.skewDate(SECOND, SKEW_MS);
  for (const host of EVIL_HOSTS) server.skewDate(host, 3_600_000);
  server.skewDate(HOSTILE, 3_600_000);
  let popup: Page;
  ({ ext, popup } = await launchWithVault());
  await call(popup, { type: 'accounts/add-uri', uri: URI, sites: [new URL(server.url('/', BANK, 'https')).origin] });
  await popup.close();
}, 60_000);

afterAll(() => closeBed(ext, server));

/** Codes that may be in a field around now on a clock `offset` ms off ours (a fill may refresh at rollover). */
const codesAround = (offset: number) => [-1500, 0, 1500].map((d) => codeAt(account, Date.now() + offset + d));

/** Load pages of `host` like a user would, `times` times, 2.1 s apart (one sample per site per 2 s). */
async function browse(host: string, times: number): Promise<void> {
  const page = await ext.context.newPage();
  for (let i = 0; i < times; i++) {
    await page.goto(server.url(`/basic.html?visit=${i}`, host, 'https'));
    await page.waitForTimeout(2100);
  }
  await page.close();
}

async function filledAtLogin(): Promise<{ page: Page; value: string }> {
  const page = await ext.context.newPage();
  await page.goto(server.url('/login/one-time-code.html', BANK, 'https'));
  await expect.poll(() => page.locator('#c').inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
  return { page, value: await page.locator('#c').inputValue() };
}

const headsTo = (host: string) => server.requests.filter((r) => r.method === 'HEAD' && r.host === host).length;

describe('clock drift', () => {
  it('learns a 90 s offset from the account site\'s Date headers, warns, and after "Correct" fills the server\'s code', async () => {
    await browse(BANK, 3);
    const popup = await openPopup(ext);
    const warning = popup.getByTestId('clock-warning');
    await warning.waitFor({ timeout: 10_000 });
    expect(await warning.locator('p').innerText()).toMatch(
      /^This computer's clock is (89|90|91) s behind the time your sites give/,
    );
    // From the pages the browser loaded anyway: the extension sent no request of its own.
    expect(headsTo(BANK)).toBe(0);

    // Before the correction, login gets this computer's code: the one the server rejects.
    const before = await filledAtLogin();
    expect(codesAround(0)).toContain(before.value);
    expect(codesAround(SKEW_MS)).not.toContain(before.value);
    await before.page.close();

    await popup.bringToFront();
    await warning.getByRole('button', { name: /^Correct codes by (89|90|91) s$/ }).click();
    await popup.getByTestId('clock-corrected').waitFor();
    // The popup's code (display and copy) is the server's now.
    await expect
      .poll(async () => (await popup.getByTestId('code').first().innerText()).replace(/\s/g, ''), { timeout: 5000 })
      .toSatisfy((code: string) => codesAround(SKEW_MS).includes(code));

    const after = await filledAtLogin();
    expect(codesAround(SKEW_MS)).toContain(after.value);
    expect(codesAround(0)).not.toContain(after.value);
    await after.page.close();

    // The options page shows the choice, and turns it off.
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
    const box = options.getByTestId('clock-correction');
    await expect.poll(() => box.isChecked()).toBe(true);
    // Chromium reports a locked screen: the lock options say it locks then (Firefox's say it cannot).
    expect(await options.getByTestId('lock-explain').textContent()).toContain('also locks when your computer locks');
    await box.uncheck();
    await expect
      .poll(async () => (await call<{ clockCorrection?: boolean }>(popup, { type: 'settings/get' })).clockCorrection)
      .toBe(false);
    const off = await filledAtLogin();
    expect(codesAround(0)).toContain(off.value);
    await Promise.all([off.page.close(), options.close(), popup.close()]);
  }, 90_000);

  it("a site with no account cannot move the estimate; with no samples, one HEAD to the account's own site fills in", async () => {
    const popup = await openPopup(ext);
    await call(popup, { type: 'vault/lock' }); // lock forgets the samples (they name the user's sites)
    await call(popup, { type: 'vault/unlock', password: PASSWORD });
    await popup.close();
    await browse(HOSTILE, 3); // Date 1 h ahead, but the user has no account there
    const again = await openPopup(ext);
    const warning = again.getByTestId('clock-warning');
    await warning.waitFor({ timeout: 15_000 });
    // The estimate is the account site's 90 s, not the other site's hour.
    expect(await warning.locator('p').innerText()).toMatch(/ (89|90|91) s behind/);
    expect(headsTo(BANK)).toBeGreaterThanOrEqual(1);
    expect(headsTo(HOSTILE)).toBe(0);
    const status = await call<{ sources: number; offsetMs: number }>(again, { type: 'clock/status' });
    expect(status.sources).toBe(1);
    expect(Math.abs(status.offsetMs - SKEW_MS)).toBeLessThan(1500);
    await again.close();
  }, 60_000);
  it("an account site's many subdomains are one source: an hour-ahead site cannot carry the estimate against another site", async () => {
    const popup = await openPopup(ext);
    await call(popup, { type: 'vault/lock' }); // a fresh start: no samples
    await call(popup, { type: 'vault/unlock', password: PASSWORD });
    await call(popup, {
      type: 'accounts/add-uri',
      uri: 'otpauth://totp/Evil:ann?secret=JBSWY3DPEHPK3PXP&issuer=Evil',
      sites: [new URL(server.url('/', EVIL, 'https')).origin],
    });
    await browse(BANK, 3); // the honest site: 90 s
    const page = await ext.context.newPage();
    for (let i = 0; i < 3; i++) {
      await page.goto(server.url(`/clock/frames.html?visit=${i}`, EVIL, 'https'));
      await expect.poll(() => page.frames().length, { timeout: 5000 }).toBe(EVIL_HOSTS.length);
      await page.waitForTimeout(2100);
    }
    await page.close();
    // Every one of the eight origins was loaded 3 times, an hour ahead (24 Date headers).
    expect(
      server.requests.filter((r) => EVIL_HOSTS.includes(r.host) && r.method === 'GET').length,
    ).toBeGreaterThanOrEqual(24);
    const status = await call<{ offsetMs: number | null; sources: number }>(popup, { type: 'clock/status' });
    // One site against one: no estimate, rather than the hour (the build before counted each origin).
    expect(status.offsetMs).toBeNull();
    // Control: a second honest account site carries the honest offset against the hostile one.
    await call(popup, {
      type: 'accounts/add-uri',
      uri: 'otpauth://totp/Mail:ann?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJR&issuer=Mail',
      sites: [new URL(server.url('/', SECOND, 'https')).origin],
    });
    await browse(SECOND, 3);
    const after = await call<{ offsetMs: number | null; sources: number }>(popup, { type: 'clock/status' });
    expect(after.sources).toBe(2);
    expect(Math.abs(after.offsetMs! - SKEW_MS)).toBeLessThan(1500);
    await popup.close();
  }, 90_000);
});

/**
 * Review rev-codes: once the user accepted a correction, codes use exactly that offset. A lock clears
 * the samples, one account site alone may be hostile, sites may disagree: none of that changes codes
 * without the user; when the sites now say something else, the popup asks.
 */
describe('clock correction keeps the offset the user accepted', () => {
  const freshStart = async () => {
    const popup = await openPopup(ext);
    await call(popup, { type: 'vault/lock' }); // a lock forgets the samples
    await call(popup, { type: 'vault/unlock', password: PASSWORD });
    await popup.close();
  };

  /** The Drift Bank code the popup shows (display and copy). */
  async function bankCodeShown(popup: Page): Promise<string> {
    const row = popup.getByTestId('account').filter({ hasText: 'Drift Bank' });
    await row.getByTestId('code').filter({ hasText: /\d/ }).waitFor({ timeout: 10_000 });
    return (await row.getByTestId('code').innerText()).replace(/\s/g, '');
  }

  it('after a lock, the unlock from the in-field button fills with the accepted correction (no samples then)', async () => {
    server.skewDate(BANK, SKEW_MS);
    server.skewDate(SECOND, SKEW_MS);
    await freshStart();
    await browse(BANK, 3);
    const popup = await openPopup(ext);
    const warning = popup.getByTestId('clock-warning');
    await warning.waitFor({ timeout: 10_000 });
    await warning.getByRole('button', { name: /^Correct codes by (89|90|91) s$/ }).click();
    await popup.getByTestId('clock-corrected').waitFor();
    await call(popup, { type: 'vault/lock' });
    await popup.close();

    const page = await ext.context.newPage();
    await page.goto(server.url('/login/one-time-code.html', BANK, 'https'));
    const button = await fieldButton(page);
    await page.bringToFront();
    await button.click();
    const unlock = await openPopupWindow(ext);
    await unlock.getByLabel('Master password', { exact: true }).fill(PASSWORD);
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.locator('#c').inputValue(), { timeout: 15_000 }).toMatch(/^\d{6}$/);
    const value = await page.locator('#c').inputValue();
    await unlock.close();
    await page.close();
    expect(codesAround(SKEW_MS)).toContain(value);
  }, 90_000);

  it('the computer clock set right: the popup asks at once, and after "Stop correcting" the login gets the right code', async () => {
    // Correcting by 90 s (the test before); two account sites agree on it.
    const setup = await openPopup(ext);
    await call(setup, {
      type: 'accounts/add-uri',
      uri: 'otpauth://totp/Mail%202:ann?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJS&issuer=Mail%202',
      sites: [new URL(server.url('/', SECOND, 'https')).origin],
    });
    await setup.close();
    await browse(SECOND, 3);
    await browse(BANK, 2);
    // The user sets the computer's clock right (or NTP does): the sites' Date and ours agree now.
    server.skewDate(BANK, 0);
    server.skewDate(SECOND, 0);
    await browse(BANK, 3);
    const popup = await openPopup(ext);
    const changed = popup.getByTestId('clock-changed');
    await changed.waitFor({ timeout: 10_000 });
    expect(await changed.locator('p').innerText()).toMatch(
      /^Your sites now say this computer's clock is right \(sites measured: 1\)\. Codes are still corrected by (89|90|91) s\.$/,
    );
    await changed.getByRole('button', { name: 'Stop correcting' }).click();
    await expect.poll(() => changed.count()).toBe(0);
    expect(await call<{ clockCorrection?: boolean }>(popup, { type: 'settings/get' })).toMatchObject({
      clockCorrection: false,
    });
    expect(codesAround(0)).toContain(await bankCodeShown(popup));
    await popup.close();
    const login = await filledAtLogin();
    expect(codesAround(0)).toContain(login.value);
    await login.page.close();
  }, 90_000);

  it('right after an unlock, one account site 23 h ahead moves no code: the popup asks, naming one site', async () => {
    server.skewDate(BANK, SKEW_MS);
    server.skewDate(FORUM, 23 * 3_600_000);
    await freshStart();
    const setup = await openPopup(ext);
    await call(setup, { type: 'settings/set', settings: { clockCorrection: false } }); // whatever the test before left
    await call(setup, {
      type: 'accounts/add-uri',
      uri: 'otpauth://totp/Forum:ann?secret=JBSWY3DPEHPK3PXQ&issuer=Forum',
      sites: [new URL(server.url('/', FORUM, 'https')).origin],
    });
    await setup.close();
    await browse(BANK, 3);
    const popup = await openPopup(ext);
    await popup
      .getByTestId('clock-warning')
      .getByRole('button', { name: /^Correct codes by (89|90|91) s$/ })
      .click();
    await popup.getByTestId('clock-corrected').waitFor();
    await popup.close();

    await freshStart();
    await browse(FORUM, 3);
    const shown = await openPopup(ext);
    expect(codesAround(SKEW_MS)).toContain(await bankCodeShown(shown));
    const changed = shown.getByTestId('clock-changed');
    await changed.waitFor({ timeout: 10_000 });
    expect(await changed.locator('p').innerText()).toMatch(
      /^Your sites now say this computer's clock is 23 h behind \(sites measured: 1\)\. Codes are still corrected by (89|90|91) s\.$/,
    );
    await shown.close();
  }, 90_000);

  it('an account site with a wrong clock does not turn the correction off: codes keep 90 s, and the popup says the sites disagree', async () => {
    // The forum (23 h ahead) from the test before, and now the bank (90 s): one against one.
    await browse(BANK, 3);
    const popup = await openPopup(ext);
    expect(codesAround(SKEW_MS)).toContain(await bankCodeShown(popup));
    const line = popup.getByTestId('clock-disagree');
    await line.waitFor({ timeout: 10_000 });
    expect(await line.innerText()).toMatch(
      /^Your sites do not agree on the time\. Codes are still corrected by (89|90|91) s\.$/,
    );
    await popup.close();
    const login = await filledAtLogin();
    expect(codesAround(SKEW_MS)).toContain(login.value);
    await login.page.close();
  }, 90_000);
});
