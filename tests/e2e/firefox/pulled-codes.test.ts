/**
 * Codes that reach a frame after the popup (a pick, an unlock), in Firefox, on the real build. Firefox
 * names no document in its message senders, so the background never pushes such a code to a frame id:
 * it tells the frame that it is ready, and the frame asks for it (src/background/fill/pick.ts pickCode,
 * src/background/enroll/told.ts). These journeys go through that round trip:
 * - the in-field button on a site with two accounts: a real click, then a pick, fills the field, and
 *   the field is kept current past the rollover;
 * - a QR clicked while locked: after the unlock, the confirmation field is filled;
 * - the login frame of another site's page is navigated by that page to its own page between the click
 *   and the pick (Firefox keeps the frame's id): nothing is filled in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import type { FixtureServer } from '../server';
import { closeBed, servePages } from '../setup';
import { CASES, enrollRoutes, plausibleCodes } from '../enroll-fixtures';
import { call, createVault, eventually, launchFirefox, PASSWORD, type LoadedFirefox } from './harness';
import { addAccountsOn, clickForPick } from './pick-helpers';
import { codeAt } from '../../../src/core/otp';
import { parseOtpauthUri } from '../../../src/core/otpauth-uri';

const SITE = 'pull-mail.test';
const FRAMER = 'pull-framer.test';
const LOCKED = CASES.locked;
const URIS = [
  'otpauth://totp/Pull%20Mail:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Pull%20Mail',
  'otpauth://totp/Pull%20Mail:work?secret=KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ&issuer=Pull%20Mail',
];

let server: FixtureServer;
let firefox: LoadedFirefox;
let popup: Page;
const ids: string[] = [];

const origin = (host: string) => new URL(server.url('/', host, 'https')).origin;

beforeAll(async () => {
  server = await servePages({
    ...(await enrollRoutes(() => server.port)),
    // Another site's page framing the login of SITE; it can navigate that frame to its own page.
    '/framer.html': () =>
      `<!doctype html><title>Framer</title><h1>Sign in</h1>` +
      `<iframe src="${server.url('/login/one-time-code.html', SITE, 'https')}" width="600" height="300"></iframe>`,
    '/catch.html': () =>
      `<!doctype html><title>Catch</title><label>Code <input id="c" autocomplete="one-time-code" inputmode="numeric"></label>`,
  });
  firefox = await launchFirefox([SITE, FRAMER, LOCKED.host]);
  popup = await firefox.openExtensionPage('src/popup/index.html');
  await createVault(popup);
  ids.push(...(await addAccountsOn(popup, URIS, origin(SITE))));
}, 240_000);

afterAll(() => closeBed(firefox, server));

async function visit(path: string, host: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(server.url(path, host, 'https'));
  return page;
}

const valueIn = (where: Page | Frame, selector: string) =>
  where.$eval(selector, (el) => (el as HTMLInputElement).value);

describe('Firefox: codes the frame asks for after the popup', () => {
  it('the in-field button, then a pick in the popup: the picked account fills the field', async () => {
    const page = await visit('/login/one-time-code.html', SITE);
    const pick = await clickForPick(popup, page, page);
    expect(pick.host).toBe(new URL(origin(SITE)).host);
    expect(await call(popup, { type: 'fill/pick', pickId: pick.id, id: ids[1], always: false })).toEqual({
      filled: true,
    });
    const code = await valueIn(page, '#c');
    expect(plausibleCodes(URIS[1]!)).toContain(code);
    // Kept current: past the next rollover the field holds the new code (its refresh asks the same way,
    // with the grant the answer brought; the build before left the expired code in the field).
    const rollover = (Math.floor(Date.now() / 30_000) + 1) * 30_000;
    await new Promise((done) => setTimeout(done, rollover + 3000 - Date.now()));
    expect(await valueIn(page, '#c')).toBe(codeAt(parseOtpauthUri(URIS[1]!), Date.now()));
    await page.close();
  }, 90_000);

  it('the framing page navigates the login frame to its own page before the pick: nothing is filled there', async () => {
    const page = await visit('/framer.html', FRAMER);
    const login = await eventually(async () => {
      const frame = page.frames().find((f) => f.url().includes('/login/one-time-code.html'));
      if (!frame) throw new Error('no login frame yet');
      return frame;
    });
    const pick = await clickForPick(popup, page, login);
    expect(pick.host).toBe(new URL(origin(SITE)).host);
    const catchUrl = server.url('/catch.html', FRAMER, 'https');
    await page.evaluate((url) => void (document.querySelector('iframe')!.src = url), catchUrl);
    const caught = await eventually(async () => {
      const frame = page.frames().find((f) => f.url() === catchUrl);
      if (!frame || !(await frame.$('#c'))) throw new Error('not navigated yet');
      return frame;
    });
    expect(await call(popup, { type: 'fill/pick', pickId: pick.id, id: ids[0], always: false })).toEqual({
      filled: false,
    });
    await new Promise((done) => setTimeout(done, 500));
    expect(await valueIn(caught, '#c')).toBe('');
    await page.close();
  });

  it('a QR clicked while locked: after the unlock the confirmation field is filled', async () => {
    await call(popup, { type: 'vault/lock' });
    const page = await visit(LOCKED.path, LOCKED.host);
    await page.waitForSelector('[data-clickauth-overlay]', { timeout: 20_000 });
    await new Promise((done) => setTimeout(done, 600));
    const qr = await page.$('[data-test=qr]');
    const box = await qr!.boundingBox();
    await page.bringToFront();
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    // The click is remembered while locked (the overlay says how to unlock); give it a moment.
    await new Promise((done) => setTimeout(done, 1000));
    expect(await valueIn(page, 'input[name=code]')).toBe('');
    await call(popup, { type: 'vault/unlock', password: PASSWORD });
    const code = await eventually(async () => {
      const value = await valueIn(page, 'input[name=code]');
      if (!/^\d{6}$/.test(value)) throw new Error(`confirmation field holds "${value}"`);
      return value;
    });
    expect(plausibleCodes(LOCKED.text)).toContain(code);
    await page.close();
  });
});
