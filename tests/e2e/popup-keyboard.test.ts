/**
 * The popup with the keyboard (and a screen reader) in real Chromium: the focus never falls to <body>
 * (list jumps, panels opening and closing, delete and undo, unlock), Escape closes a panel, every
 * control is reachable with Tab, the Add panel's tabs follow the tab pattern, and a focused row's
 * accessible name does not change every second. From the UI review rev-ui.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type LoadedExtension } from './harness';
import { call, createVault, PASSWORD } from './popup-helpers';
import { t } from './locale-text';
import { encodeMigration, type ParsedAccount } from '../../src/core/otpauth-uri';
import { secretBytes, totpUri } from './enroll-fixtures';

const L = (key: string, subs: string[] = []) => t('en', key, subs);
const FIRST = 'Aardvark Mail';

/** The focused element: its tag and accessible label (or text), or BODY. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'BODY';
    return `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}`;
  });

let ext: LoadedExtension;
let page: Page;
const url = () => `chrome-extension://${ext.extensionId}/src/popup/index.html`;

beforeAll(async () => {
  ext = await launchWithExtension();
  page = await ext.context.newPage();
  // The real popup: 360 px wide.
  await page.setViewportSize({ width: 360, height: 600 });
  await page.goto(url());
  await createVault(page);
  await call(page, { type: 'accounts/add-uri', uri: totpUri(FIRST, 'a@aardvark.test') });
  await call(page, { type: 'accounts/add-uri', uri: totpUri('Gitea', 'alice@example.com') });
  const many: ParsedAccount[] = Array.from({ length: 60 }, (_, i) => ({
    type: 'totp',
    secret: secretBytes(`many-${i}`),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: `Service ${String(i).padStart(2, '0')}`,
    account: `user${i}@many.test`,
  }));
  await call(page, {
    type: 'accounts/add-uri',
    uri: encodeMigration({ accounts: many, version: 1, batchSize: 1, batchIndex: 0, batchId: 1 }),
  });
});
afterAll(() => ext?.close());

/** The list after the full list arrived (the first paint has only the first rows). */
const openList = async () => {
  await page.goto(url());
  await page.getByTestId('account').first().waitFor();
  const { accounts } = await call<{ accounts: unknown[] }>(page, { type: 'accounts/list' });
  await expect
    .poll(() => page.evaluate(() => document.querySelector<HTMLElement>('.accounts')?.style.height))
    .toBe(`${accounts.length * 56}px`);
};
const row = (n: number) => page.getByTestId('account').nth(n).locator('button.copy');

describe('popup keyboard', () => {
  it('End and Home in a list longer than the viewport keep the focus (on the last, then the first account)', async () => {
    await openList();
    await row(0).focus();
    await page.keyboard.press('End');
    await expect.poll(() => focused(page)).toContain('Service 59');
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page)).toContain(FIRST);
  });

  it('PageDown and PageUp move the focus by a viewport of rows', async () => {
    await openList();
    await row(0).focus();
    await page.keyboard.press('PageDown'); // 7 rows: Aardvark, Gitea, Service 00 … 04 → Service 05
    await expect.poll(() => focused(page)).toContain('Service 05');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect.poll(() => focused(page)).toContain('Service 19');
    await page.keyboard.press('PageUp');
    await expect.poll(() => focused(page)).toContain('Service 12');
  });

  it('ArrowDown held through more rows than the viewport holds keeps the focus', async () => {
    await openList();
    await row(0).focus();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(30); // a held key's auto-repeat
    }
    await expect.poll(() => focused(page)).toContain('Service 18');
  });

  it("an account's details button is reachable with Tab from its row", async () => {
    await openList();
    await row(0).focus();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(`button ${L('accountDetails', [FIRST])}`);
  });

  it('the details (F2) take the focus; Escape closes them and gives it back to the row', async () => {
    await openList();
    await row(1).focus(); // Gitea
    await page.keyboard.press('F2');
    await page.locator('#detail-title').waitFor();
    expect(await focused(page)).toBe(`h2 ${L('editTitle')}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#detail-title').count()).toBe(0);
    await expect.poll(() => focused(page)).toContain('Gitea');
  });

  it('Cancel in the details of an account far down the list gives the focus back to its row', async () => {
    await openList();
    await row(0).focus();
    await page.keyboard.press('End');
    await expect.poll(() => focused(page)).toContain('Service 59');
    await page.keyboard.press('F2');
    await page.getByRole('button', { name: L('cancel') }).click();
    await expect.poll(() => focused(page)).toContain('Service 59');
  });

  it('Escape in an open "More actions" menu closes the menu, not the details', async () => {
    await openList();
    await row(1).focus();
    await page.keyboard.press('F2');
    await page.getByTestId('more-actions').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#more-actions').count()).toBe(0);
    expect(await page.locator('#detail-title').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#detail-title').count()).toBe(0);
  });

  it('Show as QR: the focus stays in the panel after the password; Escape goes back to the details, then the row', async () => {
    await openList();
    await row(1).focus(); // Gitea
    await page.keyboard.press('F2');
    await page.getByTestId('more-actions').click();
    await page.getByRole('button', { name: L('showQr') }).click();
    await expect.poll(() => focused(page)).toBe(`h2 ${L('showQrTitle')}`);
    await page.getByLabel(L('unlockPassword')).fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('account-qr').waitFor();
    await expect.poll(() => focused(page)).toBe(`h2 ${L('showQrTitle')}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe(`h2 ${L('editTitle')}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toContain('Gitea');
  });

  it('Escape closes the Add panel and the trash; the focus goes back to the button that opened them', async () => {
    await openList();
    await page.getByRole('button', { name: L('addTitle'), exact: true }).click();
    await expect.poll(() => focused(page)).toBe(`h2 ${L('addTitle')}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe(`button ${L('addTitle')}`);
    const id = (
      await call<{ accounts: { id: string; issuer: string }[] }>(page, { type: 'accounts/list' })
    ).accounts.find((a) => a.issuer === 'Service 30')!.id;
    await call(page, { type: 'accounts/delete', id });
    try {
      await openList();
      await page.getByRole('button', { name: L('trashTitle') }).click();
      await expect.poll(() => focused(page)).toBe(`h2 ${L('trashTitle')}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => focused(page)).toBe(`button ${L('trashTitle')}`);
    } finally {
      await call(page, { type: 'accounts/restore', id });
    }
  });

  it('after Delete the focus goes to the next account; after Undo to the account restored', async () => {
    await openList();
    await row(1).focus(); // Gitea
    await page.keyboard.press('F2');
    await page.getByTestId('more-actions').click();
    await page.getByRole('button', { name: L('delete') }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.toast button').waitFor();
    await expect.poll(() => focused(page)).toContain('Service 00');
    await page.locator('.toast button').click(); // Undo
    await expect.poll(() => focused(page)).toContain('Gitea');
  });

  it('the Add panel’s tabs follow the tab pattern: arrow keys move between them, one tab stop', async () => {
    await openList();
    await page.getByRole('button', { name: L('addTitle'), exact: true }).click();
    const tab = (mode: string) => page.getByRole('tab', { name: L(`addMode_${mode}`) });
    await tab('uri').focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe(`button ${L('addMode_key')}`);
    expect(await tab('key').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe(`button ${L('addMode_scan')}`);
    expect(await page.locator('[role=tab][tabindex="0"]').count()).toBe(1);
    const panel = page.getByRole('tabpanel');
    expect(await panel.getAttribute('aria-labelledby')).toBe(await tab('scan').getAttribute('id'));
    expect(await tab('scan').getAttribute('aria-controls')).toBe(await panel.getAttribute('id'));
  });

  it('the focused row’s accessible name does not change every second (the countdown is not in it)', async () => {
    await openList();
    await row(0).focus();
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      names.push(await row(0).ariaSnapshot());
      await page.waitForTimeout(1100);
    }
    // A period boundary may change the code once in the 2 s; the seconds would change it every time.
    expect(new Set(names).size, names.join('\n')).toBeLessThanOrEqual(2);
    expect(names[0]).toContain(FIRST);
    expect(await page.getByTestId('countdown').first().getAttribute('aria-hidden')).toBe('true');
  });

  it('after unlocking, the focus is on the first account (not on <body>)', async () => {
    await page.goto(url());
    await page.getByRole('button', { name: L('lock'), exact: true }).click();
    await page.getByLabel(L('unlockPassword')).fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: L('lock'), exact: true }).waitFor({ timeout: 20_000 });
    await expect.poll(() => focused(page)).toContain(FIRST);
  });
});
