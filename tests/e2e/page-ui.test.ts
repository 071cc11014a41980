/**
 * What we show on pages (issue 17), in real Chromium, in English and German: the "Add to
 * Authenticator" label never covers the QR's finder patterns or the page's text; after the click it
 * says "Added ✓" and goes when the page hides the QR; the locked notice says how to unlock; the backup
 * codes are offered only once the page shows them; no in-field button on the setup page's own
 * confirmation field (with a login page as the control); the "Filled by ClickAuth" cue after an autofill.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { call, openPopup, PASSWORD } from './popup-helpers';
import { evaluateInContentScript } from './content-world';
import { clickQr, openPage, OVERLAY, servePages, waitForOverlay } from './setup';
import { totpUri } from './enroll-fixtures';
import {
  accessibleNames,
  CODES,
  finderCentres,
  hitsAt,
  SETUP_HOST,
  setupPath,
  setupRoutes,
  textCentres,
} from './page-ui-fixtures';
import { t } from './locale-text';
import type { AccountList } from '../../src/shared/protocol';

const LOGIN_HOST = 'login-ui.test';
const ISSUERS = ['Place en', 'Place de', 'Hidden codes', 'Locked', 'No chip', 'First run', 'Too many'];

let server: FixtureServer;

beforeAll(async () => {
  server = await servePages(await setupRoutes(ISSUERS));
});
afterAll(() => server?.close());

async function startBrowser(lang: string): Promise<{ ext: LoadedExtension; control: Page }> {
  const ext = await launchWithExtension(undefined, lang);
  const control = await openPopup(ext);
  await control.getByLabel(t(lang, 'setupPassword'), { exact: true }).fill(PASSWORD);
  await control.getByLabel(t(lang, 'setupRepeat')).fill(PASSWORD);
  await control.getByRole('button', { name: t(lang, 'setupSubmit') }).click();
  await control.getByRole('button', { name: t(lang, 'lock'), exact: true }).waitFor({ timeout: 20_000 });
  return { ext, control };
}

async function setup(ext: LoadedExtension, issuer: string): Promise<Page> {
  const page = await openPage(ext, server.url(setupPath(issuer), SETUP_HOST));
  await waitForOverlay(page, 600); // past the 400 ms before a click counts, and one re-placement
  return page;
}

const issuers = async (control: Page) =>
  (await call<AccountList>(control, { type: 'accounts/list' })).accounts.map((a) => a.issuer);

describe.each(['en', 'de'])('the QR label in %s', (lang) => {
  let ext: LoadedExtension;
  let control: Page;
  beforeAll(async () => ({ ext, control } = await startBrowser(lang)));
  afterAll(() => ext?.close());

  it('covers none of the three finder patterns and none of the page text, and says what it does in this language', async () => {
    const issuer = `Place ${lang}`;
    const page = await setup(ext, issuer);
    const finders = await finderCentres(page, issuer);
    expect(await hitsAt(page, finders)).toEqual(['img', 'img', 'img']);
    const text = await textCentres(page);
    expect(text.length).toBeGreaterThan(4);
    expect((await hitsAt(page, text)).filter((h) => h === 'ours')).toEqual([]);
    // Control: the label is there, on our host, with its name in this language.
    expect(await accessibleNames(page)).toContain(t(lang, 'enrollAdd'));
    await clickQr(page);
    await expect.poll(() => issuers(control), { timeout: 10_000 }).toContain(issuer);
    await expect.poll(() => accessibleNames(page), { timeout: 5000 }).toContain(t(lang, 'enrollAddedShort'));
    // After the click too: the result with Undo covers no finder pattern and no text.
    expect(await hitsAt(page, finders)).toEqual(['img', 'img', 'img']);
    expect((await hitsAt(page, await textCentres(page))).filter((h) => h === 'ours')).toEqual([]);
    await page.close();
  });
});

describe('before there is a vault', () => {
  let ext: LoadedExtension;
  beforeAll(async () => void (ext = await launchWithExtension(undefined, 'en')));
  afterAll(() => ext?.close());

  it('the click says how to set up ClickAuth, and the account is added once the vault is created', async () => {
    const page = await setup(ext, 'First run');
    await clickQr(page);
    await expect.poll(() => accessibleNames(page), { timeout: 10_000 }).toContain(t('en', 'enrollSetupHow'));
    const control = await openPopup(ext);
    await control.getByLabel(t('en', 'setupPassword'), { exact: true }).fill(PASSWORD);
    await control.getByLabel(t('en', 'setupRepeat')).fill(PASSWORD);
    await control.getByRole('button', { name: t('en', 'setupSubmit') }).click();
    await control.getByRole('button', { name: t('en', 'lock'), exact: true }).waitFor({ timeout: 20_000 });
    await expect.poll(() => issuers(control), { timeout: 10_000 }).toEqual(['First run']);
    await page.close();
  });
});

describe('after the click, in English', () => {
  let ext: LoadedExtension;
  let control: Page;
  beforeAll(async () => {
    ({ ext, control } = await startBrowser('en'));
    // An account for another site: a login page then shows our button (the control below).
    await call(control, {
      type: 'accounts/add-uri',
      uri: totpUri('Elsewhere', 'bob'),
      sites: ['https://elsewhere.example'],
    });
  });
  afterAll(() => ext?.close());

  it('says "Added ✓", offers Undo, fills the field; the codes are offered only once shown; gone with the QR', async () => {
    const page = await setup(ext, 'Hidden codes');
    await clickQr(page);
    await expect.poll(() => accessibleNames(page), { timeout: 10_000 }).toContain('Added ✓');
    expect(await accessibleNames(page)).toContain('Undo');
    await expect.poll(() => page.locator('#code').inputValue(), { timeout: 5000 }).toMatch(/^\d{6}$/);
    // The ten codes are in the page, on the hidden next step: no offer yet.
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-clickauth-notice]').count()).toBe(0);
    await page.getByRole('button', { name: 'Verify and enable' }).click();
    // The page hid the QR's step: our label and its result go with it; the step with the codes shows, and they are offered.
    await expect.poll(() => page.locator(OVERLAY).count(), { timeout: 3000 }).toBe(0);
    await page.locator('[data-clickauth-notice]').waitFor({ state: 'attached', timeout: 10_000 });
    // Said by the notice's live region (a status line, filled once it is in the page).
    await expect
      .poll(() => accessibleNames(page), { timeout: 3000 })
      .toContain(t('en', 'enrollBackupOffer', [String(CODES.length), 'Hidden codes']));
    await page.close();
  });

  it('locked: the notice says how to unlock', async () => {
    await call(control, { type: 'vault/lock' });
    const page = await setup(ext, 'Locked');
    await clickQr(page);
    await expect.poll(() => accessibleNames(page), { timeout: 10_000 }).toContain(t('en', 'enrollLockedHow'));
    await page.close();
    await control.reload();
    await control.getByLabel('Master password').fill(PASSWORD);
    await control.getByRole('button', { name: 'Unlock' }).click();
    await control.getByRole('button', { name: 'Lock', exact: true }).waitFor({ timeout: 20_000 });
  });

  it('a page that already confirmed 3 QRs: the click adds nothing and the toast says why', async () => {
    const page = await setup(ext, 'Too many');
    // Three keys confirmed by the page's content-script world without a click (a compromised renderer).
    const forged = await evaluateInContentScript<{ ok: boolean }[]>(
      page,
      `Promise.all([1, 2, 3].map(async (n) => {
        const uri = 'otpauth://totp/Forged:' + n + '?secret=' + 'JBSWY3DPEHPK3PX' + 'ABC'[n - 1] + '&issuer=Forged';
        const found = await chrome.runtime.sendMessage({ type: 'enroll/candidate', source: { kind: 'uri', uri } });
        return chrome.runtime.sendMessage({ type: 'enroll/confirm', token: found.value.candidate.token });
      }))`,
      'ClickAuth Authenticator',
    );
    expect(forged.map((r) => r.ok)).toEqual([true, true, true]);
    await clickQr(page);
    await expect.poll(() => accessibleNames(page), { timeout: 10_000 }).toContain(t('en', 'error_enroll_too_many'));
    expect(await issuers(control)).not.toContain('Too many');
    await page.close();
  });

  it("no in-field button on the setup page's confirmation field; control: a login page gets it", async () => {
    const page = await setup(ext, 'No chip');
    await page.waitForTimeout(3000);
    expect(await page.locator('clickauth-fill').count()).toBe(0);
    await page.close();
    const login = await ext.context.newPage();
    await login.goto(server.url('/login/one-time-code.html', LOGIN_HOST, 'https'));
    await login.locator('clickauth-fill').waitFor({ state: 'visible', timeout: 10_000 });
    const box = (await login.locator('clickauth-fill').boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24); // WCAG 2.2 target size
    expect(await accessibleNames(login)).toContain(t('en', 'fieldButton'));
    await login.close();
  });

  it('after an autofill, a brief "Filled by ClickAuth" cue on the field, with no code in it', async () => {
    const origin = new URL(server.url('/', 'cue-ui.test', 'https')).origin;
    await call(control, { type: 'accounts/add-uri', uri: totpUri('Cue Co', 'carol'), sites: [origin] });
    const page = await ext.context.newPage();
    await page.goto(server.url('/login/one-time-code.html', 'cue-ui.test', 'https'));
    await expect.poll(() => page.locator('#c').inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    await page.locator('clickauth-cue').waitFor({ state: 'attached', timeout: 3000 });
    expect(await accessibleNames(page)).toContain(t('en', 'fillCue'));
    // The page sees an empty element: no text, no open shadow root, nothing to read a code from.
    expect(await page.locator('clickauth-cue').evaluate((el) => [el.textContent, el.shadowRoot])).toEqual(['', null]);
    await expect.poll(() => page.locator('clickauth-cue').count(), { timeout: 5000 }).toBe(0);
    await page.close();
  });
});
