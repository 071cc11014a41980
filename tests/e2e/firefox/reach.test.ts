/**
 * Issue 18's setup and login patterns in Firefox (firefox-esr, dist/firefox), the pages the Chromium
 * suite runs in enroll.test.ts and reach-login.test.ts:
 * - a QR in a modal <dialog> opened with showModal(): our overlay must take the click in the top
 *   layer, and the dialog's confirmation field is filled;
 * - a QR drawn as an HTML <table> of cells (read from the cells' colours);
 * - an SVG file in a same-origin <object> and <embed>;
 * - login forms that read the code only on keydown, keypress or keyup;
 * - a code field inside a closed shadow root (Firefox: Element.openOrClosedShadowRoot);
 * with lookalike-site controls where nothing may be filled. Pages over https (self-signed test cert).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { repoRoot } from '../harness';
import type { Page } from 'puppeteer-core';
import type { FixtureServer } from '../server';
import { closeBed, servePages } from '../setup';
import { CASES, enrollRoutes, plausibleCodes, type EnrollCase } from '../enroll-fixtures';
import { call, createVault, eventually, launchFirefox, type LoadedFirefox } from './harness';
import type { AccountList } from '../../../src/shared/protocol';

const SETUPS = [CASES.modalDialog, CASES.tableQr, CASES.objectSvg, CASES.embedSvg];
const LOGIN = 'mailmachine.test';
const LOOKALIKE = 'mai1machine.test';
/** Another site, and another host of the login site, for frames in the middle (A → B → A). */
const MIDDLE = 'evil.test';
const HELP = `help.${LOGIN}`;
const LOGIN_URI = 'otpauth://totp/Mail%20Machine:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Mail%20Machine';

let server: FixtureServer;
let firefox: LoadedFirefox;
let popup: Page;

const origin = (host: string) => new URL(server.url('/', host, 'https')).origin;

beforeAll(async () => {
  server = await servePages({
    ...(await enrollRoutes(() => server.port)),
    // The same login page as a user upload served sandboxed: an opaque origin, no longer the site's.
    '/uploads/login.html': () => ({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': 'sandbox allow-scripts' },
      body: readFileSync(join(repoRoot, 'tests/fixtures/pages/login/keyup.html')),
    }),
  });
  firefox = await launchFirefox([...SETUPS.map((c) => c.host), LOGIN, LOOKALIKE, MIDDLE, HELP]);
  popup = await firefox.openExtensionPage('src/popup/index.html');
  await createVault(popup);
  await call(popup, { type: 'accounts/add-uri', uri: LOGIN_URI, sites: [origin(LOGIN)] });
}, 240_000);

afterAll(() => closeBed(firefox, server));

async function visit(path: string, host: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(server.url(path, host, 'https'));
  return page;
}

/** A real click at the centre of the QR, once the overlay is there and past its anti-clickjacking delay. */
async function clickQr(page: Page): Promise<void> {
  await page.waitForSelector('[data-clickauth-overlay]', { timeout: 20_000 });
  await new Promise((done) => setTimeout(done, 700));
  const box = await (await page.$('[data-test=qr]'))!.boundingBox();
  await page.bringToFront();
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
}

const valueOf = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLInputElement).value);

async function filled(page: Page, read: () => Promise<string>): Promise<string> {
  return eventually(async () => {
    const value = await read();
    if (!/^\d{6}$/.test(value)) throw new Error(`field holds "${value}"`);
    return value;
  }, 15_000);
}

describe('Firefox: setup pages of issue 18', () => {
  it.each([
    ['a modal <dialog> opened with showModal()', CASES.modalDialog],
    ['an HTML <table> of module cells', CASES.tableQr],
    ['an SVG in a same-origin <object>', CASES.objectSvg],
    ['an SVG in a same-origin <embed>', CASES.embedSvg],
  ])(
    '%s: one click adds the account bound to the site and fills the confirmation field',
    async (_name, c: EnrollCase) => {
      const page = await visit(c.path, c.host);
      if (c === CASES.modalDialog) {
        await page.click('#enable');
        expect(await page.$eval('dialog', (d) => d.matches(':modal'))).toBe(true);
      }
      await clickQr(page);
      const code = await filled(page, () => valueOf(page, 'input[name=code]'));
      expect(plausibleCodes(c.text)).toContain(code);
      const { accounts } = await call<AccountList>(popup, { type: 'accounts/list' });
      expect(accounts.filter((a) => a.issuer === c.issuer).map((a) => [a.account, a.sites])).toEqual([
        [c.account, [origin(c.host)]],
      ]);
      if (c === CASES.modalDialog) expect(await page.$eval('dialog', (d) => d.matches(':modal'))).toBe(true);
      await page.close();
    },
    60_000,
  );
});

describe('Firefox: login pages of issue 18', () => {
  it.each(['keydown', 'keypress', 'keyup'])(
    'a form that reads the code only on %s: "Verify" is enabled with the filled code',
    async (kind) => {
      const page = await visit(`/login/${kind}.html`, LOGIN);
      await eventually(
        async () => expect(await page.$eval('#verify', (b) => (b as HTMLButtonElement).disabled)).toBe(false),
        15_000,
      );
      const read = await page.$eval('#state', (el) => el.textContent ?? '');
      expect(plausibleCodes(LOGIN_URI)).toContain(read);
      expect(await valueOf(page, '#c')).toBe(read);
      await page.close();
    },
    60_000,
  );

  it('a code field inside a closed shadow root is filled on the bound site', async () => {
    const page = await visit('/login/closed-shadow.html', LOGIN);
    const code = await filled(page, () =>
      page.evaluate(() => (window as unknown as { codeField: HTMLInputElement }).codeField.value),
    );
    expect(plausibleCodes(LOGIN_URI)).toContain(code);
    await page.close();
  }, 60_000);

  // Firefox's MessageSender gives the frame's URL; an opaque origin must still be no site (shared/sender.ts).
  it('a sandboxed document on the bound site (an upload served with CSP sandbox) is no site: nothing is filled', async () => {
    const sandboxed = await visit('/uploads/login.html', LOGIN);
    expect(await sandboxed.evaluate(() => self.origin)).toBe('null');
    // Control: the same page, not sandboxed, on the same host is filled.
    const plain = await visit('/login/keyup.html', LOGIN);
    expect(plausibleCodes(LOGIN_URI)).toContain(await filled(plain, () => valueOf(plain, '#c')));
    await new Promise((done) => setTimeout(done, 2000));
    expect(await valueOf(sandboxed, '#c')).toBe('');
    await sandboxed.close();
    await plain.close();
  }, 60_000);

  // Firefox's webNavigation.getFrame gives the frames above the sender (fill/silent.ts).
  it('a login frame of the bound site that another site embeds (A → B → A) gets no code by itself; with the site all the way down, it does', async () => {
    const frame = (src: string, host: string) =>
      server.url(`/attack/frame.html?src=${encodeURIComponent(src)}`, host, 'https');
    const nested = (middle: string) => frame(frame(server.url('/login/keyup.html', LOGIN, 'https'), middle), LOGIN);
    const open = async (middle: string) => {
      const page = await firefox.browser.newPage();
      await page.goto(nested(middle));
      const inner = await eventually(async () => {
        const found = page.frames().find((f) => f.url().includes('/login/keyup.html'));
        if (!found || !(await found.$('#c'))) throw new Error('no login frame yet');
        return found;
      });
      return { page, value: () => inner.$eval('#c', (el) => (el as HTMLInputElement).value) };
    };
    const within = await open(HELP);
    const across = await open(MIDDLE);
    // Control: every frame of the site, filled by itself.
    expect(plausibleCodes(LOGIN_URI)).toContain(await filled(within.page, within.value));
    await new Promise((done) => setTimeout(done, 2500));
    expect(await across.value()).toBe('');
    await within.page.close();
    await across.page.close();
  }, 60_000);

  it('control: on a lookalike site neither the keyup page nor the closed-shadow field gets a code', async () => {
    const keyup = await visit('/login/keyup.html', LOOKALIKE);
    const shadow = await visit('/login/closed-shadow.html', LOOKALIKE);
    await new Promise((done) => setTimeout(done, 3000));
    expect(await valueOf(keyup, '#c')).toBe('');
    expect(await keyup.$eval('#verify', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await shadow.evaluate(() => (window as unknown as { codeField: HTMLInputElement }).codeField.value)).toBe(
      '',
    );
    await keyup.close();
    await shadow.close();
  }, 60_000);
});
