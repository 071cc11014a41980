/**
 * HOTP in the popup, in real Chromium, with the keyboard only: Enter on the account copies the code at
 * the counter and fills it into the page of the account's site, moving the counter on once; Tab then
 * Enter on "next code" skips one; the counter is raised in the account's details.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { call } from './popup-helpers';
import { closeBed, openBed } from './setup';
import { openPopupWindow } from './pick-helpers';

// RFC 4226 appendix D: the secret "12345678901234567890" and its codes for counters 0..5.
const URI = 'otpauth://hotp/Counter%20Bank:zoe?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Counter%20Bank&counter=0';
const RFC = ['755224', '287082', '359152', '969429', '338314', '254676'];
const HOST = 'counterbank.test';

let server: FixtureServer;
let ext: LoadedExtension;
let id: string;

beforeAll(async () => {
  let popup: Page;
  ({ server, ext, popup } = await openBed());
  const origin = new URL(server.url('/', HOST, 'https')).origin;
  const [added] = await call<{ id: string }[]>(popup, { type: 'accounts/add-uri', uri: URI, sites: [origin] });
  id = added!.id;
  await popup.close();
}, 60_000);

afterAll(() => closeBed(ext, server));

const counter = async (popup: Page) =>
  (await call<{ accounts: { id: string; counter: number }[] }>(popup, { type: 'accounts/list' })).accounts.find(
    (a) => a.id === id,
  )?.counter;
const shown = (popup: Page) =>
  popup
    .locator('[data-testid=code]')
    .first()
    .textContent()
    .then((t) => t?.replace(/\s/g, ''));

describe('HOTP from the popup', () => {
  it('Enter copies and fills the code once; Tab + Enter gives the next; the counter is edited in the details', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/login/one-time-code.html', HOST, 'https'));
    // HOTP is never filled on sight: each code moves the counter.
    await page.waitForTimeout(800);
    expect(await page.locator('#c').inputValue()).toBe('');

    const popup = await openPopupWindow(ext, page);
    await expect.poll(() => shown(popup)).toBe(RFC[0]);
    await popup.locator('.copy').first().focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => page.locator('#c').inputValue()).toBe(RFC[0]);
    await expect.poll(() => shown(popup)).toBe(RFC[1]);
    expect(await counter(popup)).toBe(1);
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(RFC[0]);

    // "Next code" from the keyboard: Tab from the focused account, then Enter.
    await popup.locator('.copy').first().focus();
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Next code');
    await popup.keyboard.press('Enter');
    await expect.poll(() => shown(popup)).toBe(RFC[2]);
    expect(await counter(popup)).toBe(2);
    // The field keeps the code it was given: a skip fills nothing.
    expect(await page.locator('#c').inputValue()).toBe(RFC[0]);

    await popup.locator('.more').first().click();
    await popup.getByLabel('HOTP counter').fill('5');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => shown(popup)).toBe(RFC[5]);
    expect(await counter(popup)).toBe(5);
    await popup.close();
    await page.close();
  }, 60_000);
});
