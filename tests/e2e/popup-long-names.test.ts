/**
 * Long names in the 360-px popup (English and German): a 70-character issuer without spaces and a long
 * e-mail address wrap inside the panels (Show as QR, backup codes, trash) and the delete toast, so no
 * button or text goes off the right edge; a toast never covers a panel's Save and Cancel. Screenshots
 * in screenshots/long-names/. From the UI review rev-ui.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, repoRoot, type LoadedExtension } from './harness';
import { call, PASSWORD } from './popup-helpers';
import { t } from './locale-text';
import { totpUri } from './enroll-fixtures';
import type { AccountList } from '../../src/shared/protocol';

const OUT = join(repoRoot, 'screenshots/long-names');
mkdirSync(OUT, { recursive: true });
const LONG = 'Superlongissuernamewithoutanyspacesatallforthetestingofoverflow1234567890';
const EMAIL = 'maximilian.mustermann@forschung.beispielunternehmen.de';
const WIDTH = 360;

/** The right edge of the rightmost element of the open panel. */
const rightmost = (page: Page) =>
  page.evaluate(() =>
    Math.round(
      Math.max(...[...document.querySelectorAll('section *, form *')].map((el) => el.getBoundingClientRect().right)),
    ),
  );

describe.each(['en', 'de'])('long names in the popup (%s)', (lang) => {
  let ext: LoadedExtension;
  let page: Page;
  const L = (key: string, subs: string[] = []) => t(lang, key, subs);
  const url = () => `chrome-extension://${ext.extensionId}/src/popup/index.html`;
  const idOf = async (issuer: string) =>
    (await call<AccountList>(page, { type: 'accounts/list' })).accounts.find((a) => a.issuer === issuer)!.id;
  const shot = (name: string) => page.screenshot({ path: join(OUT, `${name}.${lang}.png`) });

  beforeAll(async () => {
    ext = await launchWithExtension(undefined, lang);
    page = await ext.context.newPage();
    await page.setViewportSize({ width: WIDTH, height: 600 });
    await page.goto(url());
    await page.getByLabel(L('setupPassword'), { exact: true }).fill(PASSWORD);
    await page.getByLabel(L('setupRepeat')).fill(PASSWORD);
    await page.getByRole('button', { name: L('setupSubmit') }).click();
    await page.getByRole('button', { name: L('lock'), exact: true }).waitFor({ timeout: 20_000 });
    await call(page, { type: 'accounts/add-uri', uri: totpUri(LONG, 'someone@example.org') });
    await call(page, { type: 'accounts/add-uri', uri: totpUri('Microsoft', EMAIL) });
    await call(page, { type: 'accounts/add-uri', uri: totpUri('Gitea', 'alice@example.com') });
  });
  afterAll(() => ext?.close());

  const openDetails = async (issuer: string) => {
    await page.goto(url());
    await page.getByRole('button', { name: L('accountDetails', [issuer]) }).click();
    await page.locator('#detail-title').waitFor();
  };
  const openMenuItem = async (name: string | RegExp) => {
    await page.getByTestId('more-actions').click();
    await page.getByRole('button', { name }).click();
  };

  it('Show as QR: a 70-character issuer and a long e-mail address stay inside the popup', async () => {
    await openDetails(LONG);
    await openMenuItem(L('showQr'));
    await page.getByTestId('qr-name').waitFor();
    await shot('qr-long-issuer');
    expect(await rightmost(page)).toBeLessThanOrEqual(WIDTH);
    await openDetails('Microsoft');
    await openMenuItem(L('showQr'));
    await page.getByTestId('qr-name').waitFor();
    await shot('qr-email');
    expect(await rightmost(page)).toBeLessThanOrEqual(WIDTH);
  });

  it('backup codes of an account with a long issuer stay inside the popup', async () => {
    await openDetails(LONG);
    await openMenuItem(new RegExp(L('backupCodesButton', ['0']).replace(/[()]/g, '.')));
    await page.locator('#codes-title').waitFor();
    await shot('backup-codes');
    expect(await rightmost(page)).toBeLessThanOrEqual(WIDTH);
  });

  it('the trash: Restore of an account with a long issuer is inside the popup', async () => {
    const id = await idOf(LONG);
    await call(page, { type: 'accounts/delete', id });
    try {
      await page.goto(url());
      await page.getByRole('button', { name: L('trashTitle') }).click();
      const restore = page.locator('.trash li', { hasText: LONG }).getByRole('button', { name: L('restore') });
      await restore.waitFor();
      await shot('trash');
      const box = (await restore.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
      expect(await rightmost(page)).toBeLessThanOrEqual(WIDTH);
    } finally {
      await call(page, { type: 'accounts/restore', id });
    }
  });

  it('the toast of a deleted account with a long issuer keeps its Undo inside the popup', async () => {
    const id = await idOf(LONG);
    await openDetails(LONG);
    try {
      await openMenuItem(L('delete'));
      const undo = page.locator('.toast button', { hasText: L('undo') });
      await undo.waitFor();
      await shot('toast-undo');
      const box = (await undo.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
      const toast = (await page.locator('.toast').boundingBox())!;
      expect(toast.x + toast.width).toBeLessThanOrEqual(WIDTH);
    } finally {
      await call(page, { type: 'accounts/restore', id });
    }
  });

  it("the Add panel's three tabs fit the popup (German words wrap inside their tabs)", async () => {
    await page.goto(url());
    await page.getByRole('button', { name: L('addTitle'), exact: true }).click();
    await page.getByRole('tab', { name: L('addMode_scan') }).waitFor();
    await shot('add-tabs');
    expect(await rightmost(page)).toBeLessThanOrEqual(WIDTH);
    for (const tab of await page.getByRole('tab').all()) {
      const box = (await tab.boundingBox())!;
      const text = await tab.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return range.getBoundingClientRect().right;
      });
      expect(text, await tab.innerText()).toBeLessThanOrEqual(box.x + box.width);
    }
  });

  it('a toast does not cover Save and Cancel of the details panel scrolled to its end', async () => {
    await page.goto(url());
    await page.locator('button.copy', { hasText: 'Gitea' }).click(); // "Code copied": a toast for 8 s
    await page.locator('.toast span').waitFor();
    await page.getByRole('button', { name: L('accountDetails', ['Gitea']) }).click();
    await page.locator('#detail-title').waitFor();
    // The panel's heading takes the focus after the panel is drawn, which scrolls it into view: scroll
    // to the end only after that (one CI run scrolled first, and the focus scrolled back up).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('detail-title');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await shot('toast-and-save');
    const toast = (await page.locator('.toast').boundingBox())!;
    for (const name of [L('save'), L('cancel')]) {
      const button = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
      expect(button.y + button.height, name).toBeLessThanOrEqual(toast.y);
    }
  });
});
