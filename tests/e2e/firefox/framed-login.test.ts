/**
 * Clickjacking a login frame in Firefox, which has no IntersectionObserver v2: another site frames the
 * real login page and makes the frame invisible (`opacity: 0` on the iframe, a style of the framing
 * page that the framed page's scripts, ours included, cannot see), with a decoy under our in-field
 * button. The user's real click on the decoy is a genuine click on our button. Before the fix it
 * filled the code into the invisible frame at once (and would have submitted it, with auto-submit on).
 * Now our button in a frame another site embeds only opens the popup, which names that site; the code
 * goes in when the user picks the account there. Control: the same login page as the tab's own page
 * fills by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import type { FixtureServer } from '../server';
import { closeBed, servePages } from '../setup';
import { plausibleCodes } from '../enroll-fixtures';
import { call, createVault, eventually, launchFirefox, type LoadedFirefox } from './harness';
import type { AccountView, PendingPick } from '../../../src/shared/protocol';

const SITE = 'framed-mail.test';
const FRAMER = 'framed-prize.test';
const URI = 'otpauth://totp/Framed%20Mail:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Framed%20Mail';

let server: FixtureServer;
let firefox: LoadedFirefox;
let popup: Page;
let id = '';

const login = () => server.url('/login/one-time-code.html', SITE, 'https');

beforeAll(async () => {
  server = await servePages({
    '/prize.html': () =>
      `<!doctype html><title>Claim your prize</title><style>body{margin:0} iframe{border:0;opacity:0;position:absolute;left:0;top:0}</style>` +
      `<button id="decoy" style="position:absolute;left:0;top:0;width:100%;height:300px">Claim your prize</button>` +
      `<iframe src="${login()}" width="600" height="300"></iframe>`,
  });
  firefox = await launchFirefox([SITE, FRAMER]);
  popup = await firefox.openExtensionPage('src/popup/index.html');
  await createVault(popup);
  const [added] = await call<AccountView[]>(popup, {
    type: 'accounts/add-uri',
    uri: URI,
    sites: [new URL(login()).origin],
  });
  id = added!.id;
}, 240_000);

afterAll(() => closeBed(firefox, server));

const valueIn = (where: Page | Frame) => where.$eval('#c', (el) => (el as HTMLInputElement).value);

describe('Firefox: a login frame another site hides', () => {
  it('a real click on our button in the invisible frame fills nothing; the popup names the framing site and fills on a pick there', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url('/prize.html', FRAMER, 'https'));
    const frame = await eventually(async () => {
      const found = page.frames().find((f) => f.url() === login());
      if (!found || !(await found.$('clickauth-fill'))) throw new Error('no button in the login frame yet');
      return found;
    });
    await new Promise((done) => setTimeout(done, 900)); // past our button's anti-clickjacking delay
    const box = await (await frame.$('clickauth-fill'))!.boundingBox();
    await page.bringToFront();
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await new Promise((done) => setTimeout(done, 2500));
    expect(await valueIn(frame)).toBe('');
    const pick = await eventually(async () => {
      const pending = await call<PendingPick | null>(popup, { type: 'fill/pick-pending' });
      if (!pending) throw new Error('no pick yet');
      return pending;
    });
    expect(pick).toMatchObject({ site: SITE, ids: [id], framedBy: new URL(page.url()).host });
    expect(await call(popup, { type: 'fill/pick', pickId: pick.id, id, always: false })).toEqual({ filled: true });
    expect(plausibleCodes(URI)).toContain(await valueIn(frame));
    await page.close();
  });

  it('control: the same login page as the tab’s own page fills by itself', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(login());
    const code = await eventually(async () => {
      const value = await valueIn(page);
      if (!/^\d{6}$/.test(value)) throw new Error('not filled yet');
      return value;
    });
    expect(plausibleCodes(URI)).toContain(code);
    await page.close();
  });
});
