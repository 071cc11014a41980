/**
 * Findings 1 and 7 of issue 11, in real Chromium with real clicks:
 * - a phishing copy of Mail Machine's login on lookalike hosts (tests/fixtures/pages/phish/mail-login.html)
 *   gets our in-field button (an unbound "Mail Machine" account exists), but the popup never pre-ticks
 *   "Always use this account", names the page's real site, warns that it only looks like
 *   mailmachine.test, and asks a second time before filling; the popup's list warns too;
 * - each click on the in-field button is its own pick, by id, for its own tab: a later click in
 *   another tab cannot take over the pick the popup shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { call, openPopup } from './popup-helpers';
import { addAccounts, closeBed, openBed, openPage } from './setup';
import { clickFieldButton, fieldButton, openPopupWindow } from './pick-helpers';
import { plausibleCodes } from './codes';

const REAL = 'mailmachine.test';
const URIS = {
  bound: 'otpauth://totp/Mail%20Machine:bob?secret=KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ&issuer=Mail%20Machine',
  imported: 'otpauth://totp/Mail%20Machine:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Mail%20Machine',
};
type Name = keyof typeof URIS;

let server: FixtureServer;
let ext: LoadedExtension;
const ids = {} as Record<Name, string>;

const url = (host: string, path = '/phish/mail-login.html') => server.url(path, host, 'https');
const origin = (host: string) => new URL(url(host)).origin;
// The popup names the page's host without its port.
const hostOf = (host: string) => new URL(url(host)).hostname;

beforeAll(async () => {
  let popup: Page;
  ({ server, ext, popup } = await openBed());
  // The real site's account, and the same service's key imported from another app: bound to no site.
  const sites: Record<Name, string[]> = { bound: [origin(REAL)], imported: [] };
  Object.assign(ids, await addAccounts(popup, URIS, sites));
  await popup.close();
});

afterAll(() => closeBed(ext, server));

const plausible = (name: Name): string[] => plausibleCodes(URIS[name]);

const visit = (host: string, path?: string) => openPage(ext, url(host, path));

async function sitesOf(popup: Page, name: Name): Promise<string[] | undefined> {
  const { accounts } = await call<{ accounts: { id: string; sites: string[] }[] }>(popup, { type: 'accounts/list' });
  return accounts.find((a) => a.id === ids[name])?.sites;
}

const warning = (site: string) =>
  `Careful: this site is ${site}. It looks like ${REAL}, where you have an account, but it is not.`;

describe('phishing through the pick flow', () => {
  it.each([
    ['mai1machine.test', 'a digit for a letter'],
    [
      'mailmachine-login.test',
      'an added word (its issuer "relates" to the host: the old popup pre-ticked "Always use")',
    ],
  ])('%s (%s): no pre-ticked binding, the real site named, a warning, and a second confirmation', async (host) => {
    const page = await visit(host);
    await clickFieldButton(page);
    const popup = await openPopupWindow(ext);
    await expect
      .poll(() => popup.getByRole('heading', { name: `Fill the code on ${hostOf(host)} with:` }).count())
      .toBe(1);
    expect(await popup.getByTestId('pick-site').locator('strong').textContent()).toBe(host);
    expect(await popup.getByTestId('lookalike').textContent()).toBe(warning(host));
    const always = popup.getByLabel(`Always use this account on ${host}`);
    expect(await always.isChecked()).toBe(false);
    const offered = popup.getByTestId('pick-account');
    expect(await offered.allTextContents()).toEqual(['Mail Machine alice']); // never the real site's bound account
    // One click on the account only asks again; nothing reaches the page yet.
    await offered.click();
    await popup.getByTestId('pick-confirm').waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator('#c').inputValue()).toBe('');
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => popup.getByTestId('pick-account').count()).toBe(0);
    expect(await sitesOf(popup, 'imported')).toEqual([]);
    await popup.close();

    // The popup opened on that tab without a pick (the toolbar button): its list warns as well.
    const list = await openPopupWindow(ext, page);
    await list.getByRole('button', { name: 'Lock', exact: true }).waitFor();
    await expect.poll(() => list.getByTestId('lookalike').textContent()).toBe(warning(host));
    await list.close();
    expect(await page.locator('#c').inputValue()).toBe('');
    await page.close();
  });

  it('the user may still fill once after confirming: the code goes in, nothing is bound', async () => {
    const page = await visit('mailmachine-login.test');
    await clickFieldButton(page);
    const popup = await openPopupWindow(ext);
    await popup.getByTestId('pick-account').click();
    await popup.getByRole('button', { name: 'Fill on mailmachine-login.test anyway' }).click();
    await expect.poll(() => page.locator('#c').inputValue(), { timeout: 8000 }).toMatch(/^\d{6}$/);
    expect(plausible('imported')).toContain(await page.locator('#c').inputValue());
    await expect.poll(() => popup.isClosed(), { timeout: 5000 }).toBe(true);
    const check = await openPopup(ext);
    expect(await sitesOf(check, 'imported')).toEqual([]);
    await check.close();
    await page.close();
  });

  it('control: an unrelated site gets no warning and fills on one click; the real site still fills by itself', async () => {
    const page = await visit('unrelated-shop.test');
    await clickFieldButton(page);
    const popup = await openPopupWindow(ext);
    await expect.poll(() => popup.getByTestId('pick-account').allTextContents()).toEqual(['Mail Machine alice']);
    expect(await popup.getByTestId('pick-site').locator('strong').textContent()).toBe('unrelated-shop.test');
    expect(await popup.getByTestId('lookalike').count()).toBe(0);
    expect(await popup.getByLabel('Always use this account on unrelated-shop.test').isChecked()).toBe(false);
    await popup.getByTestId('pick-account').click();
    await expect.poll(() => page.locator('#c').inputValue(), { timeout: 8000 }).toMatch(/^\d{6}$/);
    expect(plausible('imported')).toContain(await page.locator('#c').inputValue());
    await popup.close();
    const list = await openPopupWindow(ext, page);
    await list.getByRole('button', { name: 'Lock', exact: true }).waitFor();
    await list.getByTestId('account').first().waitFor();
    expect(await list.getByTestId('lookalike').count()).toBe(0);
    await list.close();
    await page.close();

    const real = await visit(REAL, '/login/one-time-code.html');
    await expect.poll(() => real.locator('#c').inputValue(), { timeout: 8000 }).toMatch(/^\d{6}$/);
    expect(plausible('bound')).toContain(await real.locator('#c').inputValue());
    expect(await real.locator('clickauth-fill').count()).toBe(0);
    const list2 = await openPopupWindow(ext, real);
    await list2.getByTestId('account').first().waitFor();
    expect(await list2.getByTestId('lookalike').count()).toBe(0);
    await list2.close();
    await real.close();
  });
});

describe('the pick is bound to what the popup shows', () => {
  it("two tabs click the button: the popup fills its own tab's pick by id; the later click does not steal it; a used or unknown id is refused", async () => {
    const first = await visit('first-shop.test', '/login/one-time-code.html');
    const second = await visit('second-shop.test', '/login/one-time-code.html');
    await fieldButton(second);
    await clickFieldButton(first);
    const popup = await openPopupWindow(ext);
    await expect
      .poll(() => popup.getByRole('heading', { name: `Fill the code on ${hostOf('first-shop.test')} with:` }).count())
      .toBe(1);
    const pending = await call<{ id: string; site: string }>(popup, { type: 'fill/pick-pending' });

    // Tab 2's button is clicked while the popup shows tab 1's pick.
    await clickFieldButton(second);
    await popup.getByTestId('pick-account').click();
    await expect.poll(() => first.locator('#c').inputValue(), { timeout: 8000 }).toMatch(/^\d{6}$/);
    expect(plausible('imported')).toContain(await first.locator('#c').inputValue());
    await second.waitForTimeout(500);
    expect(await second.locator('#c').inputValue()).toBe('');
    expect(pending).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), site: 'first-shop.test' });

    // The used id, and an id never issued, fill nothing (asked from another extension page: the popup
    // closed itself after the pick).
    await expect.poll(() => popup.isClosed(), { timeout: 5000 }).toBe(true);
    const other = await openPopup(ext);
    await expect(
      call(other, { type: 'fill/pick', pickId: pending.id, id: ids.imported, always: false }),
    ).rejects.toThrow('fill/pick-gone');
    await expect(
      call(other, { type: 'fill/pick', pickId: 'forged-id', id: ids.imported, always: false }),
    ).rejects.toThrow('fill/pick-gone');
    await expect(call(other, { type: 'fill/pick-cancel', pickId: 'forged-id' })).rejects.toThrow('fill/pick-gone');
    await second.waitForTimeout(500);
    expect(await second.locator('#c').inputValue()).toBe('');
    await other.close();

    // Tab 2's own pick is still waiting for its own popup.
    const popup2 = await openPopupWindow(ext, second);
    await expect
      .poll(() => popup2.getByRole('heading', { name: `Fill the code on ${hostOf('second-shop.test')} with:` }).count())
      .toBe(1);
    await popup2.getByTestId('pick-account').click();
    await expect.poll(() => second.locator('#c').inputValue(), { timeout: 8000 }).toMatch(/^\d{6}$/);
    await popup2.close();
    await first.close();
    await second.close();
  });
});
