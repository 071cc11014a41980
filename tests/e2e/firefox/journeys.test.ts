/**
 * The main journeys in Firefox (Debian's firefox-esr, dist/firefox): first run, enroll by clicking a
 * QR (the confirmation field is filled), autofill on the enrolled site and not on a lookalike, locked
 * after a browser restart, and an import. Pages are visited over https (self-signed test certificate).
 * Kept lean: one browser for the first four journeys, the restart reuses its profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import QRCode from 'qrcode';
import type { FixtureServer } from '../server';
import { closeBed, servePages } from '../setup';
import { CASES, enrollRoutes, plausibleCodes } from '../enroll-fixtures';
import { call, eventually, launchFirefox, type LoadedFirefox } from './harness';
import type { AccountList, VaultStatus } from '../../../src/shared/protocol';

const PASSWORD = 'correct horse battery staple';
const SETUP = CASES.sameOrigin;
// The setup page's host spells its issuer ("Same Origin Bank"), so the key is bound to that site.
const SITE = SETUP.host;
const LOOKALIKE = 'same-0rigin-bank.test';

let server: FixtureServer;
let firefox: LoadedFirefox;
let popup: Page;
const scratch = mkdtempSync(join(tmpdir(), 'clickauth-ff-files-'));

beforeAll(async () => {
  // A second key of the same issuer, for another account, far below the fold.
  const belowTheFold = await QRCode.toDataURL(
    `otpauth://totp/${encodeURIComponent(SETUP.issuer)}:below?secret=KRUGS4ZANFZSAYLOEBSXQYLNOBWGK===&issuer=${encodeURIComponent(SETUP.issuer)}`,
    { margin: 2, scale: 5 },
  );
  server = await servePages({
    ...(await enrollRoutes(() => server.port)),
    '/below-the-fold.html': () =>
      `<!doctype html><title>Setup</title><h1>Set up 2FA</h1><div style="height:4000px">Scroll down.</div>` +
      `<img src="${belowTheFold}" width="200" height="200" alt="QR code">`,
  });
  firefox = await launchFirefox([SITE, LOOKALIKE]);
  popup = await firefox.openExtensionPage('src/popup/index.html');
}, 240_000);

afterAll(async () => {
  await closeBed(firefox, server);
  rmSync(scratch, { recursive: true, force: true });
});

const status = (page: Page) => call<VaultStatus>(page, { type: 'vault/status' }).then((s) => s.state);
const accounts = async (page: Page) => (await call<AccountList>(page, { type: 'accounts/list' })).accounts;

async function visit(path: string, host: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(server.url(path, host, 'https'));
  return page;
}

const valueOf = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLInputElement).value);

/** Clicks the button whose text is exactly `text` (the popup and options pages are ours). */
async function clickButton(page: Page, text: string): Promise<void> {
  const button = await eventually(async () => {
    const handle = await page.evaluateHandle(
      (wanted) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === wanted) ?? null,
      text,
    );
    const element = handle.asElement();
    if (!element) throw new Error(`no button "${text}"`);
    return element;
  });
  await (button as unknown as { click(): Promise<void> }).click();
}

describe('Firefox: the main journeys on the real build', () => {
  it('first run: the popup creates the vault', async () => {
    expect(await status(popup)).toBe('empty');
    const [password, repeat] = await popup.$$('form[aria-labelledby=setup-title] input[type=password]');
    await password!.type(PASSWORD);
    await repeat!.type(PASSWORD);
    await clickButton(popup, 'Create vault');
    await eventually(async () => expect(await status(popup)).toBe('unlocked'), 60_000);
    await popup.waitForSelector('button.lock', { timeout: 20_000 });
  });

  it('enroll: clicking the QR adds the account bound to the site and fills the confirmation field', async () => {
    const page = await visit(SETUP.path, SITE);
    await page.waitForSelector('[data-clickauth-overlay]', { timeout: 20_000 });
    // Clicks in the first 400 ms after the affordance appears are ignored (anti-clickjacking).
    await new Promise((done) => setTimeout(done, 600));
    const qr = await page.$('[data-test=qr]');
    const box = await qr!.boundingBox();
    await page.bringToFront();
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    const code = await eventually(async () => {
      const value = await valueOf(page, 'input[name=code]');
      if (!/^\d{6}$/.test(value)) throw new Error(`confirmation field holds "${value}"`);
      return value;
    });
    expect(plausibleCodes(SETUP.text)).toContain(code);
    const [account] = await accounts(popup);
    expect(account).toMatchObject({
      issuer: SETUP.issuer,
      account: SETUP.account,
      sites: [new URL(server.url('/', SITE, 'https')).origin],
    });
    await page.close();
  });

  it('autofill: the login on the enrolled site is filled, the lookalike gets nothing', async () => {
    const login = await visit('/login/one-time-code.html', SITE);
    const code = await eventually(async () => {
      const value = await valueOf(login, '#c');
      if (!/^\d{6}$/.test(value)) throw new Error('not filled yet');
      return value;
    });
    expect(plausibleCodes(SETUP.text)).toContain(code);

    const lookalike = await visit('/login/one-time-code.html', LOOKALIKE);
    // The content script runs there (it marks the field it recognised with its button or nothing at
    // all); give it the time the control above needed, and more.
    await new Promise((done) => setTimeout(done, 3000));
    expect(await valueOf(lookalike, '#c')).toBe('');
    await login.close();
    await lookalike.close();
  });

  it('a popup left open shows the unlock form as soon as the vault locks elsewhere', async () => {
    await popup.waitForSelector('button.lock', { timeout: 20_000 });
    const options = await firefox.openExtensionPage('src/options/index.html');
    try {
      await call(options, { type: 'vault/lock' });
    } finally {
      await options.close();
    }
    // The build before showed the unlocked view (its accounts, their codes) until its next refresh.
    await popup.waitForSelector('form[aria-labelledby=unlock-title] input[type=password]', { timeout: 5000 });
    expect(await popup.$('button.lock')).toBeNull();
  });

  it('a browser restart locks the vault; the password unlocks it with the account intact', async () => {
    const profile = firefox.profileDir;
    await firefox.close({ keepProfile: true });
    firefox = await launchFirefox([SITE, LOOKALIKE], profile);
    popup = await firefox.openExtensionPage('src/popup/index.html');
    expect(await status(popup)).toBe('locked');
    await popup.waitForSelector('form[aria-labelledby=unlock-title] input[type=password]');
    await expect(accounts(popup)).rejects.toThrow(/failed/);
    await (await popup.$('form[aria-labelledby=unlock-title] input[type=password]'))!.type(PASSWORD);
    await clickButton(popup, 'Unlock');
    await eventually(async () => expect(await status(popup)).toBe('unlocked'), 60_000);
    expect((await accounts(popup)).map((a) => a.issuer)).toEqual([SETUP.issuer]);
  }, 240_000);

  it('import: an otpauth:// list picked in the options page is previewed and imported', async () => {
    const file = join(scratch, 'accounts.txt');
    writeFileSync(
      file,
      'otpauth://totp/Imported%20Co:ann@imported.test?secret=JBSWY3DPEHPK3PXP&issuer=Imported%20Co\n',
    );
    const options = await firefox.openExtensionPage('src/options/index.html');
    const input = await options.waitForSelector('[data-testid=import-file]');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
    await options.waitForSelector('[data-testid=import-preview]', { timeout: 30_000 });
    expect(await options.$$eval('[data-testid=preview-add] li', (rows) => rows.map((r) => r.textContent))).toEqual([
      'Imported Co: ann@imported.test',
    ]);
    await clickButton(options, 'Import 1 account');
    await eventually(async () =>
      expect((await accounts(popup)).map((a) => a.issuer).sort()).toEqual(['Imported Co', SETUP.issuer].sort()),
    );
    // Firefox does not report a locked screen to extensions: the lock options do not promise it here.
    expect(await options.$eval('[data-testid=lock-explain]', (p) => p.textContent)).toContain(
      'Firefox does not tell extensions when your computer locks',
    );
  });

  it("another app's encrypted export (Ente Auth, Argon2id in a worker): the page stays responsive, shows the progress, and Cancel stops it; the sample then opens", async () => {
    const sample = readFileSync(join(import.meta.dirname, '../../fixtures/imports/ente-auth-encrypted.txt'), 'utf8');
    const parsed = JSON.parse(sample) as { kdfParams: Record<string, unknown> };
    // The sample's 8 MiB raised to a real export's order of cost (Ente asks for up to 1 GiB × 4 passes).
    const costly = join(scratch, 'ente-costly.txt');
    writeFileSync(
      costly,
      JSON.stringify({ ...parsed, kdfParams: { ...parsed.kdfParams, memLimit: 512 * 2 ** 20, opsLimit: 4 } }),
    );
    const plain = join(scratch, 'ente-sample.txt');
    writeFileSync(plain, sample);
    const options = await firefox.openExtensionPage('src/options/index.html');
    const open = async (file: string) => {
      const input = await options.waitForSelector('[data-testid=import-file]');
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
      const field = await options.waitForSelector('[data-testid=import-password] input[type=password]');
      await field!.type('ente-sample-password');
      await clickButton(options, 'Open file');
    };
    await open(costly);
    const done = () =>
      options.$eval('[data-testid=import-opening] progress', (el) => (el as HTMLProgressElement).value).catch(() => 0);
    await eventually(async () => expect(await done()).toBeGreaterThan(0.01), 30_000);
    const first = await done();
    await eventually(async () => expect(await done()).toBeGreaterThan(first), 30_000);
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      await options.evaluate(() => document.title);
      expect(Date.now() - t0).toBeLessThan(1000);
    }
    await clickButton(options, 'Cancel');
    await eventually(async () => expect(await options.$('[data-testid=import-password]')).toBeNull(), 5000);
    expect(await options.$('[role=alert]')).toBeNull();
    // Control: the sample itself opens (through the same worker) and is previewed.
    await open(plain);
    await options.waitForSelector('[data-testid=import-preview]', { timeout: 60_000 });
    // Its first key is the one the otpauth list above imported: shown as a duplicate, not added.
    expect(await options.$$eval('[data-testid=preview-add] li', (rows) => rows.map((r) => r.textContent))).toEqual([
      'GitHub: bob',
      'Counter: carol',
    ]);
    await options.close();
  }, 120_000);

  it('scan this page reaches a frame that never talked to us: a QR below the fold, on a page with nothing else for us', async () => {
    // The content script touches the extension API only once it has something to say (issue 16), so
    // this frame has no listener; the background wakes it (send-to-frame.ts: scripting.executeScript in
    // the content script's sandbox) and asks again. Without the wake the page answers nothing and the
    // screenshot, which shows only the top of the page, finds no QR.
    const page = await visit('/below-the-fold.html', SITE);
    await page.bringToFront();
    await new Promise((done) => setTimeout(done, 500));
    const result = await call<{ found: number; added: { issuer: string; account: string; sites: string[] }[] }>(popup, {
      type: 'scan/visible-tab',
    });
    // Bound to the site: the page's host spells the issuer, and only the page's own answer can say where
    // the QR was (a screenshot's account is bound to no site).
    expect(result.added.map((a) => [a.issuer, a.account, a.sites])).toEqual([
      [SETUP.issuer, 'below', [new URL(page.url()).origin]],
    ]);
    await page.close();
  });

  it('a withheld host permission (Firefox lets the user revoke it): the popup says so and offers to ask', async () => {
    expect(await popup.$('[data-testid=site-access]')).toBeNull();
    expect(await popup.evaluate(() => chrome.permissions.remove({ origins: ['<all_urls>'] }))).toBe(true);
    const again = await firefox.openExtensionPage('src/popup/index.html');
    const notice = await again.waitForSelector('[data-testid=site-access]', { timeout: 15_000 });
    expect(await notice!.evaluate((el) => el.textContent)).toContain('Allow access to sites');
  });
});
