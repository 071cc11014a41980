/**
 * Every screen of ClickAuth, reached as a user does (issue 17): the popup's states, the options page,
 * and what we show on pages (the QR label before and after the click, notices, the in-field button,
 * the fill cue). Each screen is shot in light and dark and checked with axe (serious and critical
 * violations, WCAG 2.x A/AA); on pages, axe looks only at our own elements, inside their closed
 * shadow roots (see axe-closed-shadow.ts). Used by screens.test.ts (CI) and `npm run screenshots`,
 * which sets SCREENSHOTS_DIR to keep the PNGs.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { call, PASSWORD } from './popup-helpers';
import { openPopupWindow } from './pick-helpers';
import { totpUri } from './enroll-fixtures';
import { setupPath, SETUP_HOST } from './page-ui-fixtures';
import { exposeClosedShadowRoots } from './axe-closed-shadow';
import seriousViolations from './axe';
import { t } from './locale-text';
import type { AccountList } from '../../src/shared/protocol';

export const SCREEN_ISSUERS = ['Screens Overlay', 'Screens Locked'];
export const OUR_HOSTS = ['[data-clickauth-overlay]', '[data-clickauth-notice]', 'clickauth-fill', 'clickauth-cue'];
const LOGIN = '/login/one-time-code.html';

export interface ScreenContext {
  ext: LoadedExtension;
  server: FixtureServer;
  lang: string;
  /** The popup page every popup screen starts from (reloaded). */
  popup?: Page;
}

export interface Shot {
  name: string;
  /** Serious/critical axe violations per colour scheme ("light: rule: target"). */
  violations: string[];
}

type Scheme = 'light' | 'dark';

/** Shoots `page` in light and dark (`again` re-creates a short-lived state per scheme) and runs axe on each. */
export async function shoot(
  page: Page,
  ctx: ScreenContext,
  name: string,
  opts: { ours?: boolean; full?: boolean; again?: () => Promise<void> } = {},
): Promise<Shot> {
  const violations: string[] = [];
  for (const scheme of ['light', 'dark'] as Scheme[]) {
    await page.emulateMedia({ colorScheme: scheme });
    if (opts.again) await opts.again();
    await page.waitForTimeout(150);
    const dir = process.env.SCREENSHOTS_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, `${name}.${ctx.lang}.${scheme}.png`), fullPage: opts.full ?? false });
    }
    if (opts.ours) {
      if ((await exposeClosedShadowRoots(page)) === 0) throw new Error(`${name}: none of our elements on the page`);
      const present = [];
      for (const s of OUR_HOSTS) if ((await page.locator(s).count()) > 0) present.push(s);
      // axe walks a shadow tree through `shadowRoot`: each of our hosts must now show its root to the page's world.
      const exposed = await page.evaluate(
        (sels) => sels.every((s) => [...document.querySelectorAll(s)].every((h) => h.shadowRoot !== null)),
        present,
      );
      if (!exposed) throw new Error(`${name}: a closed shadow root was not exposed to axe`);
      violations.push(...(await seriousViolations(page, present)).map((v) => `${scheme}: ${v}`));
    } else {
      violations.push(...(await seriousViolations(page)).map((v) => `${scheme}: ${v}`));
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return { name, violations };
}

const popupUrl = (ctx: ScreenContext) => `chrome-extension://${ctx.ext.extensionId}/src/popup/index.html`;

async function popup(ctx: ScreenContext): Promise<Page> {
  if (!ctx.popup) {
    ctx.popup = await ctx.ext.context.newPage();
    await ctx.popup.setViewportSize({ width: 380, height: 600 });
  }
  await ctx.popup.goto(popupUrl(ctx));
  await ctx.popup.bringToFront();
  return ctx.popup;
}

const button = (page: Page, ctx: ScreenContext, key: string, subs: string[] = [], exact = true) =>
  page.getByRole('button', { name: t(ctx.lang, key, subs), exact });

async function unlock(page: Page, ctx: ScreenContext): Promise<void> {
  await page.getByLabel(t(ctx.lang, 'unlockPassword')).fill(PASSWORD);
  await button(page, ctx, 'unlockSubmit').click();
  await button(page, ctx, 'lock').waitFor({ timeout: 20_000 });
}

async function accountId(page: Page, issuer: string): Promise<string> {
  const { accounts } = await call<AccountList>(page, { type: 'accounts/list' });
  return accounts.find((a) => a.issuer === issuer)!.id;
}

async function sitePage(
  ctx: ScreenContext,
  path: string,
  host: string,
  scheme: 'http' | 'https' = 'http',
): Promise<Page> {
  const page = await ctx.ext.context.newPage();
  await page.setViewportSize({ width: 900, height: 700 });
  await page.goto(ctx.server.url(path, host, scheme));
  return page;
}

const loginOrigin = (ctx: ScreenContext, host: string) => new URL(ctx.server.url('/', host, 'https')).origin;

/** The screens, in the order a new user meets them; each returns its shots. */
export const SCREENS: [string, (ctx: ScreenContext) => Promise<Shot[]>][] = [
  ['popup: first run', async (ctx) => [await shoot(await popup(ctx), ctx, 'popup-first-run')]],
  [
    'popup: empty vault',
    async (ctx) => {
      const page = await popup(ctx);
      await page.getByLabel(t(ctx.lang, 'setupPassword'), { exact: true }).fill(PASSWORD);
      await page.getByLabel(t(ctx.lang, 'setupRepeat')).fill(PASSWORD);
      await button(page, ctx, 'setupSubmit').click();
      await button(page, ctx, 'lock').waitFor({ timeout: 20_000 });
      return [await shoot(page, ctx, 'popup-empty')];
    },
  ],
  [
    'popup: add panel',
    async (ctx) => {
      const page = await popup(ctx);
      await button(page, ctx, 'addTitle').first().click();
      await page
        .getByRole('dialog')
        .or(page.getByRole('region'))
        .first()
        .waitFor({ timeout: 5000 })
        .catch(() => undefined);
      return [await shoot(page, ctx, 'popup-add')];
    },
  ],
  [
    'popup: list',
    async (ctx) => {
      const page = await popup(ctx);
      const uris = [
        totpUri('Gitea', 'alice@example.com'),
        totpUri('Bank of Test', 'bob'),
        totpUri('A very long service name that does not fit', 'someone.with.a.long.address@example.org'),
        'otpauth://hotp/Counter%20Co:carol?secret=JBSWY3DPEHPK3PXP&issuer=Counter%20Co&counter=3',
      ];
      for (const uri of uris)
        await call(page, { type: 'accounts/add-uri', uri, sites: [loginOrigin(ctx, 'gitea.test')] });
      await page.reload();
      await page.getByTestId('account').first().waitFor({ timeout: 10_000 });
      return [await shoot(page, ctx, 'popup-list')];
    },
  ],
  [
    'popup: search',
    async (ctx) => {
      const page = await popup(ctx);
      await page.getByRole('searchbox').fill('git');
      return [await shoot(page, ctx, 'popup-search')];
    },
  ],
  [
    'popup: details',
    async (ctx) => {
      const page = await popup(ctx);
      await button(page, ctx, 'accountDetails', ['Gitea']).click();
      return [await shoot(page, ctx, 'popup-details')];
    },
  ],
  [
    'popup: backup codes',
    async (ctx) => {
      const page = await popup(ctx);
      const codes = ['1111 2222', '3333 4444', '5555 6666'].map((code, i) => ({ code, used: i === 0 }));
      await call(page, { type: 'backup-codes/set', id: await accountId(page, 'Gitea'), codes });
      await page.reload();
      await button(page, ctx, 'accountDetails', ['Gitea']).click();
      await page.getByTestId('more-actions').click(); // backup codes live in the "More actions" menu
      await page
        .getByRole('button', { name: new RegExp(t(ctx.lang, 'backupCodesButton', ['\\d+']).replace(/[()]/g, '\\$&')) })
        .click();
      return [await shoot(page, ctx, 'popup-backup-codes')];
    },
  ],
  [
    'popup: QR view',
    async (ctx) => {
      const page = await popup(ctx);
      await button(page, ctx, 'accountDetails', ['Gitea']).click();
      await page.getByTestId('more-actions').click(); // "Show as QR" lives in the "More actions" menu
      await button(page, ctx, 'showQr').click();
      await page.getByLabel(t(ctx.lang, 'unlockPassword')).fill(PASSWORD);
      await button(page, ctx, 'showQr').click();
      await page.locator('img, canvas, svg').last().waitFor({ timeout: 10_000 });
      return [await shoot(page, ctx, 'popup-qr')];
    },
  ],
  [
    'popup: trash',
    async (ctx) => {
      const page = await popup(ctx);
      await call(page, { type: 'accounts/delete', id: await accountId(page, 'Bank of Test') });
      await page.reload();
      await button(page, ctx, 'trashTitle').click();
      return [await shoot(page, ctx, 'popup-trash')];
    },
  ],
  [
    'options',
    async (ctx) => {
      const page = await ctx.ext.context.newPage();
      await page.setViewportSize({ width: 1100, height: 800 });
      await page.goto(`chrome-extension://${ctx.ext.extensionId}/src/options/index.html`);
      await page.waitForTimeout(500);
      const shot = await shoot(page, ctx, 'options', { full: true });
      await page.close();
      return [shot];
    },
  ],
  [
    'page: QR label, the click, the backup codes',
    async (ctx) => {
      const page = await sitePage(ctx, setupPath('Screens Overlay'), SETUP_HOST);
      await page.locator('[data-clickauth-overlay]').waitFor({ state: 'attached', timeout: 15_000 });
      await page.waitForTimeout(600);
      const shots = [await shoot(page, ctx, 'page-qr-label', { ours: true })];
      const qr = (await page.locator('[data-test=qr]').boundingBox())!;
      await page.bringToFront();
      await page.mouse.click(qr.x + qr.width / 2, qr.y + qr.height / 2);
      await page.locator('#code').evaluate(
        (el: HTMLInputElement) =>
          new Promise<void>((done) => {
            const check = () => (/^\d{6}$/.test(el.value) ? done() : setTimeout(check, 100));
            check();
          }),
      );
      shots.push(await shoot(page, ctx, 'page-qr-added', { ours: true }));
      await page.locator('button[type=submit]').click();
      await page.locator('[data-clickauth-notice]').waitFor({ state: 'attached', timeout: 10_000 });
      await page.waitForTimeout(300);
      shots.push(await shoot(page, ctx, 'page-notice-backup-codes', { ours: true }));
      await page.close();
      return shots;
    },
  ],
  [
    'page: in-field button, and the pick panel it opens',
    async (ctx) => {
      const page = await sitePage(ctx, LOGIN, 'pick-screens.test', 'https');
      const chip = page.locator('clickauth-fill');
      await chip.waitFor({ state: 'visible', timeout: 10_000 });
      await page.waitForTimeout(600);
      const shots = [await shoot(page, ctx, 'page-field-button', { ours: true })];
      await page.bringToFront();
      await chip.click();
      const pick = await openPopupWindow(ctx.ext, page);
      await pick.getByTestId('pick-account').first().waitFor({ timeout: 10_000 });
      shots.push(await shoot(pick, ctx, 'popup-pick'));
      await pick.close();
      await page.close();
      return shots;
    },
  ],
  [
    'page: fill cue',
    async (ctx) => {
      const host = 'gitea.test';
      const page = await sitePage(ctx, LOGIN, host, 'https');
      // One account of this site fills by itself; the others are moved off it first.
      const control = await popup(ctx);
      const { accounts } = await call<AccountList>(control, { type: 'accounts/list' });
      for (const a of accounts)
        if (a.issuer !== 'Gitea') await call(control, { type: 'accounts/update', id: a.id, patch: { sites: [] } });
      const again = async () => {
        await page.reload();
        await page.locator('clickauth-cue').waitFor({ state: 'attached', timeout: 10_000 });
      };
      const shot = await shoot(page, ctx, 'page-fill-cue', { ours: true, again });
      await page.close();
      return [shot];
    },
  ],
  [
    'page: locked (in-field button and notice); popup: locked',
    async (ctx) => {
      const control = await popup(ctx);
      await call(control, { type: 'vault/lock' });
      const login = await sitePage(ctx, LOGIN, 'gitea.test', 'https');
      await login.locator('clickauth-fill').waitFor({ state: 'visible', timeout: 10_000 });
      await login.waitForTimeout(600);
      const shots = [await shoot(login, ctx, 'page-field-button-locked', { ours: true })];
      await login.close();
      const page = await sitePage(ctx, setupPath('Screens Locked'), SETUP_HOST);
      await page.locator('[data-clickauth-overlay]').waitFor({ state: 'attached', timeout: 15_000 });
      await page.waitForTimeout(600);
      const qr = (await page.locator('[data-test=qr]').boundingBox())!;
      await page.mouse.click(qr.x + qr.width / 2, qr.y + qr.height / 2);
      await page.waitForTimeout(1000);
      shots.push(await shoot(page, ctx, 'page-locked-notice', { ours: true }));
      await page.close();
      const locked = await popup(ctx);
      await locked.getByLabel(t(ctx.lang, 'unlockPassword')).waitFor();
      shots.push(await shoot(locked, ctx, 'popup-locked'));
      await unlock(locked, ctx);
      return shots;
    },
  ],
];
