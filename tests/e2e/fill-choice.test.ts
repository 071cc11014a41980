/**
 * The in-field button (several accounts, none bound yet, locked vault) and the per-site fill options
 * (auto-submit, password + code in one field), driven in real Chromium with real mouse clicks and keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { stopServiceWorker, type LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { call, openPopup, PASSWORD } from './popup-helpers';
import { addAccounts, closeBed, openBed, openPage } from './setup';
import { fieldButton, openPopupWindow } from './pick-helpers';
import { plausibleCodes } from './codes';
import { codeAt } from '../../src/core/otp';
import { parseOtpauthUri } from '../../src/core/otpauth-uri';

const SITE_A = 'mailmachine.test';
const FRESH = 'freshsite.test';
const SUBMITTER = 'submitter.test';
const WEBMAIL = 'webmail.test';
const URIS = {
  first: 'otpauth://totp/Mail%20Machine:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Mail%20Machine',
  second: 'otpauth://totp/Mail%20Machine:work?secret=KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ&issuer=Mail%20Machine',
  unbound: 'otpauth://totp/Imported:carol?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Imported',
  submitter: 'otpauth://totp/Submitter:dave?secret=ONSWG4TFOQQGW6LZEBTG64RAON2WE3LJ&issuer=Submitter',
  webmail: 'otpauth://totp/Webmail:erin?secret=O5SWEZLNMFUWYIDQMFZXG53POJSCA3TE&issuer=Webmail',
};
type Name = keyof typeof URIS;

let server: FixtureServer;
let ext: LoadedExtension;
const ids = {} as Record<Name, string>;

// Filling with no click needs https (issue 11, finding 5): the accounts and the pages are https.
const origin = (host: string) => new URL(server.url('/', host, 'https')).origin;
// The popup names the page's host without its port.
const hostOf = (host: string) => new URL(origin(host)).hostname;

beforeAll(async () => {
  let popup: Page;
  ({ server, ext, popup } = await openBed());
  const sites: Record<Name, string[]> = {
    first: [origin(SITE_A)],
    second: [origin(SITE_A)],
    unbound: [],
    submitter: [origin(SUBMITTER)],
    webmail: [origin(WEBMAIL)],
  };
  Object.assign(ids, await addAccounts(popup, URIS, sites));
  await popup.close();
});

afterAll(() => closeBed(ext, server));

const plausible = (name: Name): string[] => plausibleCodes(URIS[name]);
/** `name`'s code at `at` (now by default). */
const codeOf = (name: Name, at = Date.now()): string => codeAt(parseOtpauthUri(URIS[name]), at);

const visit = (path: string, host: string) => openPage(ext, server.url(path, host, 'https'));

/** What the popup would offer for `page` (its tab's waiting pick), asked from a popup over that tab. */
async function pending(page: Page): Promise<unknown> {
  const popup = await openPopupWindow(ext, page);
  const value = await call(popup, { type: 'fill/pick-pending' });
  await popup.close();
  return value;
}

describe('the in-field button', () => {
  it('several accounts on the site: nothing is filled by itself; a real click, then a pick in the popup fills that account', async () => {
    const page = await visit('/login/one-time-code.html', SITE_A);
    const button = await fieldButton(page);
    expect(await page.locator('#c').inputValue()).toBe('');
    // A click synthesized by the page does nothing.
    await button.evaluate((host) => (host as HTMLElement).click());
    expect(await pending(page)).toBeNull();

    await page.bringToFront();
    await button.click();
    const popup = await openPopupWindow(ext);
    await expect
      .poll(() => popup.getByRole('heading', { name: `Fill the code on ${hostOf(SITE_A)} with:` }).count())
      .toBe(1);
    const offered = popup.getByTestId('pick-account');
    // The site's two accounts, then the unbound one; never another site's account.
    expect(await offered.allTextContents()).toEqual(['Mail Machine alice', 'Mail Machine work', 'Imported carol']);
    await offered.filter({ hasText: 'work' }).click();
    await expect.poll(() => page.locator('#c').inputValue(), { timeout: 8000 }).toMatch(/^\d{6}$/);
    expect(plausible('second')).toContain(await page.locator('#c').inputValue());
    // The code is in the field: the popup closes by itself.
    await expect.poll(() => popup.isClosed(), { timeout: 5000 }).toBe(true);
    // Choosing one of several bound accounts binds nothing new.
    const check = await openPopup(ext);
    const { accounts } = await call<{ accounts: { id: string; sites: string[] }[] }>(check, { type: 'accounts/list' });
    expect(accounts.find((a) => a.id === ids.unbound)?.sites).toEqual([]);
    await check.close();
    await page.close();
  });

  it('a code the user chose is kept current like an autofilled one, across a service-worker restart: the pick and a popup click on one of several accounts get the new code after the rollover; a field the user typed in keeps what they typed', async () => {
    /** A real click on the page's button, then a pick of `which` in the popup; returns once filled. */
    async function picked(which: string): Promise<Page> {
      const page = await visit('/login/one-time-code.html', SITE_A);
      const button = await fieldButton(page);
      await page.bringToFront();
      await button.click();
      const popup = await openPopupWindow(ext);
      await popup.getByTestId('pick-account').filter({ hasText: which }).click();
      await expect.poll(() => page.locator('#c').inputValue(), { timeout: 8000 }).toMatch(/^\d{6}$/);
      await expect.poll(() => popup.isClosed(), { timeout: 5000 }).toBe(true);
      return page;
    }
    const pickedPage = await picked('work');
    const typedPage = await picked('alice');
    // The popup's click on one account (fill/active-tab with its id), on a page with two: no button pick.
    const clickedPage = await visit('/login/one-time-code.html', SITE_A);
    await fieldButton(clickedPage);
    const popup = await openPopupWindow(ext, clickedPage);
    expect(await call(popup, { type: 'fill/active-tab', id: ids.first })).toEqual({ filled: true });
    await popup.close();
    expect(plausible('first')).toContain(await clickedPage.locator('#c').inputValue());
    // The user deletes a digit with a real key: the field is theirs from then on.
    await typedPage.bringToFront();
    await typedPage.locator('#c').press('End');
    await typedPage.locator('#c').press('Backspace');
    const typed = await typedPage.locator('#c').inputValue();
    expect(typed).toMatch(/^\d{5}$/);
    // The service worker stops, as Chrome stops an idle one (30 s without an event): the new worker has
    // the picked field's refresh grant (session storage). The build before kept it in the old worker's
    // memory only, and the picked field kept its expired code. (The clicked field's refresh needs no
    // grant here: the page is one where the chosen account fills by itself.)
    await stopServiceWorker(ext, clickedPage);
    // Past the next rollover (the code each field got has expired by then).
    const rollover = (Math.floor(Date.now() / 30_000) + 1) * 30_000;
    const before = { picked: codeOf('second', rollover - 1), clicked: codeOf('first', rollover - 1) };
    await pickedPage.waitForTimeout(rollover + 3000 - Date.now());
    const now = Date.now();
    expect(await pickedPage.locator('#c').inputValue()).toBe(codeOf('second', now));
    expect(await clickedPage.locator('#c').inputValue()).toBe(codeOf('first', now));
    expect([codeOf('second', now), codeOf('first', now)]).not.toEqual([before.picked, before.clicked]); // they changed
    expect(await typedPage.locator('#c').inputValue()).toBe(typed);
    for (const page of [pickedPage, typedPage, clickedPage]) await page.close();
  }, 120_000);

  it('no account bound to the site: "Always use this account" binds the picked one, and the next visit fills by itself', async () => {
    const page = await visit('/login/one-time-code.html', FRESH);
    const button = await fieldButton(page);
    await page.bringToFront();
    await button.click();
    const popup = await openPopupWindow(ext);
    const offered = popup.getByTestId('pick-account');
    await expect.poll(() => offered.allTextContents()).toEqual(['Imported carol']);
    // The site it binds to: the registrable domain, no port.
    const always = popup.getByLabel(`Always use this account on ${FRESH}`);
    // "Imported" does not name freshsite.test: binding is the user's explicit choice.
    expect(await always.isChecked()).toBe(false);
    await always.check();
    await offered.click();
    await expect.poll(() => page.locator('#c').inputValue(), { timeout: 8000 }).toMatch(/^\d{6}$/);
    expect(plausible('unbound')).toContain(await page.locator('#c').inputValue());
    await expect.poll(() => popup.isClosed(), { timeout: 5000 }).toBe(true);
    const check = await openPopup(ext);
    const { accounts } = await call<{ accounts: { id: string; sites: string[] }[] }>(check, { type: 'accounts/list' });
    expect(accounts.find((a) => a.id === ids.unbound)?.sites).toEqual([origin(FRESH)]);
    await check.close();
    await page.close();

    const again = await visit('/login/one-time-code.html', FRESH);
    await expect.poll(() => again.locator('#c').inputValue(), { timeout: 8000 }).toMatch(/^\d{6}$/);
    expect(plausible('unbound')).toContain(await again.locator('#c').inputValue());
    expect(await again.locator('clickauth-fill').count()).toBe(0);
    await again.close();
  });

  it('locked vault: the button offers unlock; after the password the code is filled', async () => {
    const popup = await openPopup(ext);
    await call(popup, { type: 'vault/lock' });
    await popup.close();
    const page = await visit('/login/one-time-code.html', FRESH);
    const button = await fieldButton(page);
    expect(await page.getByRole('button', { name: 'Unlock ClickAuth to fill the code' }).count()).toBe(0); // closed shadow root
    await page.bringToFront();
    await button.click();
    const unlock = await openPopupWindow(ext);
    await unlock.getByLabel('Master password', { exact: true }).fill(PASSWORD);
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.locator('#c').inputValue(), { timeout: 15_000 }).toMatch(/^\d{6}$/);
    expect(plausible('unbound')).toContain(await page.locator('#c').inputValue());
    await unlock.close();
    await page.close();
  });
});

describe('per-site options', () => {
  const submitted = (page: Page) => new URL(page.url()).searchParams;

  it('auto-submit: off by default (filled, not sent); on, the form is sent with the code', async () => {
    const page = await visit('/login/submit.html', SUBMITTER);
    await expect.poll(() => page.locator('#c').inputValue(), { timeout: 8000 }).toMatch(/^\d{6}$/);
    await page.waitForTimeout(1000);
    expect(page.url()).toContain('/login/submit.html');
    await page.close();

    const popup = await openPopup(ext);
    await call(popup, {
      type: 'accounts/update',
      id: ids.submitter,
      patch: { fill: { submitOn: [origin(SUBMITTER)] } },
    });
    await popup.close();
    const again = await visit('/login/submit.html', SUBMITTER);
    await again.waitForURL(/submitted\.html/, { timeout: 10_000 });
    expect(plausible('submitter')).toContain(submitted(again).get('code'));
    await again.close();
  });

  it('password and code in one field: the code is appended to the typed password on Enter and on the button, only where set', async () => {
    const popup = await openPopup(ext);
    await call(popup, { type: 'accounts/update', id: ids.webmail, patch: { fill: { appendOn: [origin(WEBMAIL)] } } });
    await popup.close();

    const page = await visit('/login/password.html', WEBMAIL);
    await page.locator('#pw').pressSequentially('hunter2');
    await page.locator('#show').click(); // not a sign-in button: nothing is appended
    expect(await page.locator('#pw').inputValue()).toBe('hunter2');
    await page.locator('#pw').press('Enter');
    await page.waitForURL(/submitted\.html/);
    const sent = submitted(page).get('password')!;
    expect(sent.slice(0, 7)).toBe('hunter2');
    expect(plausible('webmail')).toContain(sent.slice(7));

    await page.goto(server.url('/login/password.html', WEBMAIL, 'https'));
    await page.locator('#pw').pressSequentially('hunter2');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/submitted\.html/);
    expect(plausible('webmail')).toContain(submitted(page).get('password')!.slice(7));

    // Control: site A's accounts do not have the option; the password is sent as typed.
    await page.goto(server.url('/login/password.html', SITE_A, 'https'));
    await page.locator('#pw').pressSequentially('hunter2');
    await page.locator('#pw').press('Enter');
    await page.waitForURL(/submitted\.html/);
    expect(submitted(page).get('password')).toBe('hunter2');
    await page.close();
  });
});
