/**
 * Issue 11, finding 5: where a code is filled with no click. Attack pages in tests/fixtures/pages/attack
 * try a hidden field, a frame another site embeds, a user-content subdomain, a page over http, and
 * "code 1 / code 2"; each next to a control in the same setup that does get the code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import type { LoadedExtension } from './harness';
import type { FixtureServer, Scheme } from './server';
import { call, openPopup } from './popup-helpers';
import { closeBed, openBed, openPage } from './setup';
import { parseOtpauthUri } from '../../src/core/otpauth-uri';
import { codeAt } from '../../src/core/otp';
import { plausibleCodes } from './codes';
import { openPopupWindow } from './pick-helpers';

const SITE = 'mailmachine.test';
const URI = 'otpauth://totp/Mail%20Machine:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Mail%20Machine';
/** The same site's login over http is another account (sites are schemeful): an http-bound one. */
const HTTP_URI = 'otpauth://totp/Mail%20Machine:plain?secret=KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ&issuer=Mail%20Machine';
const account = parseOtpauthUri(URI);
const httpAccount = parseOtpauthUri(HTTP_URI);

let server: FixtureServer;
let ext: LoadedExtension;
let httpsId = '';

const url = (path: string, host = SITE, scheme: Scheme = 'https') => server.url(path, host, scheme);
const origin = (host: string, scheme: Scheme = 'https') => new URL(url('/', host, scheme)).origin;

beforeAll(async () => {
  let popup: Page;
  ({ server, ext, popup } = await openBed());
  const [added] = await call<{ id: string }[]>(popup, { type: 'accounts/add-uri', uri: URI, sites: [origin(SITE)] });
  httpsId = added!.id;
  await call(popup, { type: 'accounts/add-uri', uri: HTTP_URI, sites: [origin(SITE, 'http')] });
  await popup.close();
});

afterAll(() => closeBed(ext, server));

/** The codes of `of` that can legitimately be in a field around now (a fill may refresh at rollover). */
const plausible = (of = account): string[] => plausibleCodes(of);

const visit = (href: string) => openPage(ext, href);

async function filled(where: Page | Frame | FrameLocator, selector = '#c'): Promise<string> {
  let value = '';
  await expect
    .poll(async () => (value = await where.locator(selector).inputValue()), { timeout: 8000 })
    .toMatch(/^\d{6}$/);
  return value;
}

/** Long enough for the content script to wait for the field (≤ 1 s), ask, and fill if it were allowed. */
const QUIET_MS = 2500;

/** Our in-field button, shown and past its anti-clickjacking delay; a real click on it. */
async function clickButton(page: Page, where: Page | FrameLocator = page): Promise<void> {
  const button = where.locator('clickauth-fill');
  await button.waitFor({ state: 'visible', timeout: 8000 });
  await page.bringToFront();
  await page.waitForTimeout(500);
  await button.click();
}

describe('a field the user cannot see gets no code without a click', () => {
  it.each(['display-none', 'visibility-hidden', 'zero-size', 'off-screen', 'collapsed', 'clip-path', 'sr-only'])(
    '%s: nothing filled',
    async (how) => {
      const page = await visit(url(`/attack/hidden-field.html?how=${how}`));
      await page.waitForTimeout(QUIET_MS);
      expect(await page.locator('#c').inputValue()).toBe('');
      expect(await page.locator('#seen').textContent()).toBe('');
      await page.close();
    },
  );

  it('control: the same page with the field in view fills by itself', async () => {
    const page = await visit(url('/attack/hidden-field.html?how=visible'));
    expect(plausible()).toContain(await filled(page));
    expect(await page.locator('clickauth-fill').count()).toBe(0);
    await page.close();
  });

  it('control: an input-otp field (transparent input over visible slots) fills by itself', async () => {
    const page = await visit(url('/login/input-otp.html'));
    expect(plausible()).toContain(await filled(page, '#real'));
    await page.close();
  });
});

describe('frames', () => {
  const login = (host: string) => url('/login/one-time-code.html', host);

  /**
   * The login page in `frame` of `href`: no code by itself. With `framer`, a real click on our button
   * (at its place on the screen, where the page may have put a decoy) fills nothing either: it opens
   * the popup, which says that `framer` shows the form, and the account picked there fills it.
   */
  async function noSilentFill(href: string, frameOf: (page: Page) => FrameLocator, framer?: string): Promise<void> {
    const page = await visit(href);
    const frame = frameOf(page);
    await frame.locator('#c').waitFor();
    await page.waitForTimeout(QUIET_MS);
    expect(await frame.locator('#c').inputValue()).toBe('');
    if (framer !== undefined) {
      const button = frame.locator('clickauth-fill');
      await button.waitFor({ state: 'attached', timeout: 8000 });
      await page.bringToFront();
      await page.waitForTimeout(900);
      const box = await button.boundingBox();
      await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
      await page.waitForTimeout(QUIET_MS);
      expect(await frame.locator('#c').inputValue()).toBe('');
      const popup = await openPopupWindow(ext, page);
      await expect
        .poll(() => popup.getByTestId('pick-framed').textContent())
        .toBe(
          `Careful: this sign-in form of ${SITE} is shown inside a page of ${framer}, another site, which can hide it under its own page. Fill it only if you meant to sign in to ${SITE} here.`,
        );
      await popup.getByTestId('pick-account').click();
      expect(plausible()).toContain(await filled(frame));
      await popup.close().catch(() => undefined);
    }
    await page.close();
  }

  const framedBy = (framer: string, options = '') =>
    url(`/attack/frame.html?${options}src=${encodeURIComponent(login(SITE))}`, framer);

  it('a frame of the real login page on another site: no code by itself; our button opens the popup, which names that site and fills', () =>
    noSilentFill(framedBy('evil.test'), (page) => page.frameLocator('#f'), 'evil.test'));

  it("the same frame hidden by a CSS mask (Chromium's visibility check ignores masks): a click on our button fills nothing", () =>
    noSilentFill(framedBy('evil.test', 'mask=1&'), (page) => page.frameLocator('#f'), 'evil.test'));

  it('a code picked in the popup for a frame another site embeds is not refreshed at the rollover: each code there comes from the popup (control: the top page is)', async () => {
    const control = await visit(login(SITE));
    await filled(control);
    const page = await visit(framedBy('evil.test'));
    const frame = page.frameLocator('#f');
    const button = frame.locator('clickauth-fill');
    await button.waitFor({ state: 'attached', timeout: 8000 });
    await page.bringToFront();
    await page.waitForTimeout(900);
    const box = await button.boundingBox();
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    const popup = await openPopupWindow(ext, page);
    await popup.getByTestId('pick-account').click();
    const picked = await filled(frame);
    await popup.close().catch(() => undefined);
    // Past the next rollover, each page in front in turn (a hidden page may wait to refresh).
    const rollover = (Math.floor(Date.now() / 30_000) + 1) * 30_000;
    await page.waitForTimeout(rollover + 1000 - Date.now());
    await page.bringToFront();
    await page.waitForTimeout(QUIET_MS);
    await control.bringToFront();
    await control.waitForTimeout(QUIET_MS);
    const now = codeAt(account, Date.now());
    expect(await control.locator('#c').inputValue()).toBe(now);
    expect(await frame.locator('#c').inputValue()).toBe(picked);
    expect(picked).not.toBe(now);
    await control.close();
    await page.close();
  }, 90_000);

  it('control: the same login page as the top frame fills by itself', async () => {
    const page = await visit(login(SITE));
    expect(plausible()).toContain(await filled(page));
    await page.close();
  });

  it('control: a same-site frame (login.mailmachine.test in mailmachine.test) fills by itself', async () => {
    const page = await visit(url(`/attack/frame.html?src=${encodeURIComponent(login(`login.${SITE}`))}`));
    expect(plausible()).toContain(await filled(page.frameLocator('#f')));
    await page.close();
  });

  /** mailmachine.test frames `middle`'s frame.html, which frames the real login page (A → B → A). */
  const nested = (middle: string, faint = false) =>
    url(
      `/attack/frame.html?src=${encodeURIComponent(
        url(`/attack/frame.html?${faint ? 'faint=1&' : ''}src=${encodeURIComponent(login(SITE))}`, middle),
      )}`,
    );

  const inner = (page: Page) => page.frameLocator('#f').frameLocator('#f');

  it("the account's site embeds another site, which frames the real login page: no code by itself; the popup names the middle site and fills", () =>
    noSilentFill(nested('evil.test'), inner, 'evil.test'));

  it('the same, with the login frame made all but invisible by the middle site: no code', () =>
    noSilentFill(nested('evil.test', true), inner));

  it('control: the same nesting with every frame of the site (help.mailmachine.test in the middle) fills by itself', async () => {
    const page = await visit(nested(`help.${SITE}`));
    expect(plausible()).toContain(await filled(page.frameLocator('#f').frameLocator('#f')));
    await page.close();
  });
});

describe('an account narrowed to its exact origin', () => {
  async function narrow(exactOrigin: boolean): Promise<void> {
    const popup = await openPopup(ext);
    await call(popup, { type: 'accounts/update', id: httpsId, patch: { fill: { exactOrigin } } });
    await popup.close();
  }

  it('a user-content subdomain framing the exact origin (faintly) gets no code by itself; a frame of the origin in itself fills', async () => {
    await narrow(true);
    try {
      const src = encodeURIComponent(url('/login/one-time-code.html', SITE));
      const page = await visit(url(`/attack/frame.html?faint=1&src=${src}`, `user1.${SITE}`));
      await page.frameLocator('#f').locator('#c').waitFor();
      await page.waitForTimeout(QUIET_MS);
      expect(await page.frameLocator('#f').locator('#c').inputValue()).toBe('');
      await page.goto(url(`/attack/frame.html?src=${src}`, SITE));
      expect(plausible()).toContain(await filled(page.frameLocator('#f')));
      await page.close();
    } finally {
      await narrow(false);
    }
  });

  it('a user-content subdomain gets nothing; the exact origin fills by itself', async () => {
    await narrow(true);
    try {
      const page = await visit(url('/login/one-time-code.html', `user1.${SITE}`));
      await page.waitForTimeout(QUIET_MS);
      expect(await page.locator('#c').inputValue()).toBe('');
      await page.goto(url('/login/one-time-code.html', SITE));
      expect(plausible()).toContain(await filled(page));
      await page.close();
    } finally {
      await narrow(false);
    }
    // Not narrowed, the subdomain is the account's site again.
    const again = await visit(url('/login/one-time-code.html', `user1.${SITE}`));
    expect(plausible()).toContain(await filled(again));
    await again.close();
  });
});

describe('http', () => {
  it('a page over http (its account bound to http): no code by itself, our button fills on a click', async () => {
    const page = await visit(url('/login/one-time-code.html', SITE, 'http'));
    await page.waitForTimeout(QUIET_MS);
    expect(await page.locator('#c').inputValue()).toBe('');
    await clickButton(page);
    expect(plausible(httpAccount)).toContain(await filled(page));
    await page.close();
  });

  it('control: the same page over https fills by itself', async () => {
    const page = await visit(url('/login/one-time-code.html', SITE, 'https'));
    expect(plausible()).toContain(await filled(page));
    await page.close();
  });
});

describe('"code 1 / code 2": the next code is never given without a click', () => {
  /** Each `value@time` the page recorded was the current code at that time (or the second before). */
  const current = (value: string, at: number) => [codeAt(account, at), codeAt(account, at - 1000)].includes(value);

  it('two fields asking for consecutive codes: nothing by itself; a click fills the current and the next code', async () => {
    const page = await visit(url('/attack/two-codes.html'));
    await page.locator('#a').waitFor();
    await page.waitForTimeout(QUIET_MS);
    expect(await page.locator('#seen').textContent()).toBe('');
    await clickButton(page);
    const first = await filled(page, '#a');
    const second = await filled(page, '#b');
    const now = Date.now();
    expect([first, second]).toSatisfy(([a, b]: string[]) =>
      [-1000, 0, 1000].some((d) => a === codeAt(account, now + d) && b === codeAt(account, now + d + 30_000)),
    );
    await page.close();
  });

  it('a page that asks again and again gets the current code each time, never the next one', async () => {
    const page = await visit(url('/attack/ask-twice.html'));
    await expect
      .poll(async () => ((await page.locator('#seen').textContent()) ?? '').split(';').filter(Boolean).length, {
        timeout: 10_000,
      })
      .toBe(4);
    const seen = ((await page.locator('#seen').textContent()) ?? '').split(';').filter(Boolean);
    for (const entry of seen) {
      const [value, at] = entry.split('@');
      expect(current(value!, Number(at)), entry).toBe(true);
    }
    await page.close();
  });
});
