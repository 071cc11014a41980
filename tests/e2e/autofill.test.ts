import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { call, openPopup } from './popup-helpers';
import { closeBed, openBed, openPage } from './setup';
import { plausibleCodes } from './codes';

const SITE_A = 'mailmachine.test';
const LOOKALIKE = 'mai1machine.test';
const URI = 'otpauth://totp/Mail%20Machine:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Mail%20Machine';
const OTHER = 'otpauth://totp/Elsewhere:bob?secret=JBSWY3DPEHPK3PXP&issuer=Elsewhere';

let server: FixtureServer;
let ext: LoadedExtension;

beforeAll(async () => {
  let popup: Page;
  ({ server, ext, popup } = await openBed());
  // Filling with no click needs https (issue 11, finding 5): the account and the pages are https.
  const origin = new URL(server.url('/', SITE_A, 'https')).origin;
  await call(popup, { type: 'accounts/add-uri', uri: URI, sites: [origin] });
  await call(popup, { type: 'accounts/add-uri', uri: OTHER, sites: ['https://elsewhere.example'] });
  await popup.close();
});

afterAll(() => closeBed(ext, server));

async function filledValue(frame: Page | Frame, selector: string): Promise<string> {
  let value = '';
  await expect
    .poll(async () => (value = await frame.locator(selector).inputValue()), { timeout: 8000 })
    .toMatch(/^\d{6}$/);
  return value;
}

const visit = (path: string, host = SITE_A) => openPage(ext, server.url(path, host, 'https'));

describe('autofill at login, on the right site only', () => {
  it.each([
    ['autocomplete=one-time-code', '/login/one-time-code.html', '#c'],
    ['name=totp autocomplete=off', '/login/name-totp.html', 'input[name=totp]'],
    ['type=number', '/login/number.html', '#otp'],
    ['type=tel', '/login/tel.html', '#v'],
    ['a field labelled "Token"', '/login/token.html', '#t'],
    ['input-otp style invisible input', '/login/input-otp.html', '#real'],
    ['a field added 1 s after load', '/login/late.html', '#c'],
  ])('fills %s without a click', async (_name, path, selector) => {
    const page = await visit(path);
    expect(plausibleCodes(URI)).toContain(await filledValue(page, selector));
    await page.close();
  });

  it('fills six React-style controlled boxes (state changes only on input events)', async () => {
    const page = await visit('/login/react-boxes.html');
    await expect.poll(() => page.locator('#state').textContent(), { timeout: 8000 }).toMatch(/^\d{6}$/);
    // State and boxes read in one go: a refill at the code's rollover may land between two reads.
    const read = () =>
      page.evaluate(() => ({
        state: document.querySelector('#state')!.textContent!,
        boxes: [...document.querySelectorAll<HTMLInputElement>('#boxes input')].map((e) => e.value).join(''),
      }));
    await expect
      .poll(
        async () => {
          const { state, boxes } = await read();
          return boxes === state;
        },
        { timeout: 8000 },
      )
      .toBe(true);
    const { state } = await read();
    expect(plausibleCodes(URI)).toContain(state);
    await page.close();
  });

  it('fills a same-origin iframe', async () => {
    const page = await visit('/login/iframe.html');
    const frame = page.frameLocator('iframe');
    await expect.poll(() => frame.locator('#c').inputValue(), { timeout: 8000 }).toMatch(/^\d{6}$/);
    expect(plausibleCodes(URI)).toContain(await frame.locator('#c').inputValue());
    await page.close();
  });

  it('fills nothing on the identical page on a lookalike hostname', async () => {
    const page = await visit('/login/one-time-code.html', LOOKALIKE);
    await page.waitForTimeout(2000);
    expect(await page.locator('#c').inputValue()).toBe('');
    await page.close();
  });

  it('fills nothing into a "Postal code" field on site A', async () => {
    const page = await visit('/login/postal.html');
    await page.waitForTimeout(2000);
    expect(await page.locator('#z').inputValue()).toBe('');
    await page.close();
  });

  it('never overwrites what the user typed', async () => {
    const page = await visit('/login/typed-first.html');
    await page.locator('#c').pressSequentially('99');
    await page.locator('#reveal').click();
    await page.waitForTimeout(1500);
    expect(await page.locator('#c').inputValue()).toBe('99');
    await page.close();
    // Control: the same page without typing does get filled, so the field was seen.
    const control = await visit('/login/typed-first.html');
    await control.locator('#reveal').click();
    expect(plausibleCodes(URI)).toContain(await filledValue(control, '#c'));
    await control.close();
  });

  it("with autofill off, a click on the account in the popup fills the page; another site's account never does", async () => {
    const popup = await openPopup(ext);
    await call(popup, { type: 'settings/set', settings: { autoLockMinutes: 15, autofill: false } });
    const { accounts } = await call<{ accounts: { id: string; issuer: string }[] }>(popup, { type: 'accounts/list' });
    const mine = accounts.find((a) => a.issuer === 'Mail Machine')!.id;
    const other = accounts.find((a) => a.issuer === 'Elsewhere')!.id;
    const page = await visit('/login/one-time-code.html');
    await page.bringToFront();
    await page.waitForTimeout(1000);
    expect(await page.locator('#c').inputValue()).toBe('');
    // The popup page sits in a background tab and sends what its click handler sends.
    expect(await call(popup, { type: 'fill/active-tab', id: other })).toEqual({ filled: false });
    expect(await page.locator('#c').inputValue()).toBe('');
    expect(await call(popup, { type: 'fill/active-tab', id: mine })).toEqual({ filled: true });
    expect(plausibleCodes(URI)).toContain(await page.locator('#c').inputValue());
    await call(popup, { type: 'settings/set', settings: { autoLockMinutes: 15, autofill: true } });
    await page.close();
    await popup.close();
  });

  it('fills nothing while the vault is locked', async () => {
    const popup = await openPopup(ext);
    await call(popup, { type: 'vault/lock' });
    const page = await visit('/login/one-time-code.html');
    await page.waitForTimeout(1500);
    expect(await page.locator('#c').inputValue()).toBe('');
    await page.close();
    await popup.close();
  });
});
