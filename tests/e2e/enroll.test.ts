/**
 * Enroll by clicking the QR on the setup page: the content script marks every QR that holds an
 * authenticator key with an overlay ([data-clickauth-overlay]); one real click on it adds the
 * account, bound to the page's origin, and fills the page's confirmation field with the code.
 * Fixture pages: tests/fixtures/pages/enroll (templates) + ./enroll-fixtures.ts (QRs, routes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromePath, type LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { call, openPopup, PASSWORD } from './popup-helpers';
import { clickQr as clickQrCentre, closeBed, openBed, openPage, OVERLAY, QR, waitForOverlay } from './setup';
import { CASES, EXPORT_ACCOUNTS, enrollRoutes, plausibleCodes, type EnrollCase } from './enroll-fixtures';
import { decodeQr } from '../../src/core/qr';
import type { AccountList, AccountView } from '../../src/shared/protocol';

const FIELD = 'input[name=code]';

let server: FixtureServer;
let ext: LoadedExtension;
/** An extension page kept open to read the vault (accounts/list) and lock/unlock it. */
let control: Page;

beforeAll(async () => {
  ({ server, ext, popup: control } = await openBed(await enrollRoutes(() => server.port)));
  // The duplicate case: this very key is already in the vault, bound to its site.
  await call(control, { type: 'accounts/add-uri', uri: CASES.duplicate.text, sites: [originOf(CASES.duplicate)] });
});

afterAll(() => closeBed(ext, server));

function originOf(c: EnrollCase): string {
  return new URL(server.url('/', c.host)).origin;
}

async function accounts(): Promise<AccountView[]> {
  return (await call<AccountList>(control, { type: 'accounts/list' })).accounts;
}

const named = (list: AccountView[], issuer: string, account: string) =>
  list.filter((a) => a.issuer === issuer && a.account === account);

const visit = (c: EnrollCase) => openPage(ext, server.url(c.path, c.host));

/** One real (trusted) click at the centre of the QR element, scrolled into view first. */
async function clickQr(page: Page): Promise<void> {
  await page.locator(QR).scrollIntoViewIfNeeded();
  await clickQrCentre(page);
}

/** Opens `c`'s setup page and clicks its QR once our overlay takes clicks. */
async function openAndClickQr(c: EnrollCase): Promise<Page> {
  const page = await visit(c);
  await waitForOverlay(page);
  await clickQr(page);
  return page;
}

async function expectFilled(page: Page, uri: string, timeout = 10_000): Promise<void> {
  let value = '';
  await expect
    .poll(async () => (value = await page.locator(FIELD).inputValue()), {
      timeout,
      message: 'confirmation field filled',
    })
    .toMatch(/^\d{6}$/);
  expect(plausibleCodes(uri)).toContain(value);
}

/** Exactly one account with these names, bound to exactly this page's origin. */
async function expectAccount(c: EnrollCase, issuer = c.issuer, account = c.account, timeout = 10_000): Promise<void> {
  await expect
    .poll(async () => named(await accounts(), issuer, account).length, {
      timeout,
      message: `${issuer}:${account} added`,
    })
    .toBeGreaterThan(0);
  const found = named(await accounts(), issuer, account);
  expect(found).toHaveLength(1);
  expect(found[0]!.sites).toEqual([originOf(c)]);
  expect(found[0]!.type).toBe('totp');
}

/** Ids of the extension's own pages and popups open in the browser (CDP targets; not its worker). */
async function extensionTargets(): Promise<string[]> {
  const cdp = await ext.context.newCDPSession(control);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const prefix = `chrome-extension://${ext.extensionId}/`;
    return targetInfos.filter((t) => t.url.startsWith(prefix) && t.type !== 'service_worker').map((t) => t.targetId);
  } finally {
    await cdp.detach();
  }
}

/** Polls `probe` until it is true or `ms` pass; returns the last answer. */
async function within(ms: number, probe: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** Nothing happened: no account added, no overlay, confirmation field untouched. */
async function expectNothing(page: Page, before: AccountView[], overlay: 'none' | 'allowed'): Promise<void> {
  await page.waitForTimeout(2000);
  if (overlay === 'none') expect(await page.locator(OVERLAY).count()).toBe(0);
  const after = await accounts();
  expect(after.map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());
  if ((await page.locator(FIELD).count()) > 0) expect(await page.locator(FIELD).inputValue()).toBe('');
}

describe('fixture pages show the QR they claim (plain Chromium, no extension)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP *.test 127.0.0.1'],
    });
  });
  afterAll(async () => browser?.close());

  it.each(Object.entries(CASES))('%s', async (_name, c: EnrollCase) => {
    const page = await browser.newPage();
    await page.goto(server.url(c.path, c.host));
    if (c === CASES.revealed) await page.getByRole('button', { name: 'Enable' }).click();
    if (c === CASES.modalDialog || c === CASES.popoverQr) await page.locator('#enable').click();
    if (c === CASES.objectSvg || c === CASES.embedSvg) await page.waitForTimeout(500); // the SVG document loads
    // The QR is drawn on the 12th tick of a 100 ms timer.
    if (c === CASES.resizedCanvas) await page.waitForFunction(() => document.querySelector('canvas')?.width === 232);
    const qr = page.locator(QR);
    await expect
      .poll(() => qr.evaluate((el) => (el instanceof HTMLImageElement ? el.complete && el.naturalWidth > 0 : true)))
      .toBe(true);
    await page.waitForTimeout(100); // the canvas page draws on the next frame
    const shot = await qr.screenshot();
    const pixels = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let binary = '';
      for (let i = 0; i < rgba.length; i += 0x8000) binary += String.fromCharCode(...rgba.subarray(i, i + 0x8000));
      return { width: canvas.width, height: canvas.height, base64: btoa(binary) };
    }, shot.toString('base64'));
    const data = new Uint8ClampedArray(Buffer.from(pixels.base64, 'base64'));
    const found = decodeQr({ width: pixels.width, height: pixels.height, data });
    expect(found?.text).toBe(c.text);
    if (c !== CASES.decoy)
      expect(await page.getByText('Scan this QR code with your authenticator app').count()).toBe(1);
    await page.close();
  });
});

describe('enroll by clicking the QR on the setup page', () => {
  it.each([
    ['a data: PNG (with a space after the comma)', CASES.dataUri],
    ['a same-origin PNG', CASES.sameOrigin],
    ['an SVG image URL', CASES.svgImg],
    ['a cross-origin image (page on cross-origin-cloud.test, image on images.test)', CASES.crossOrigin],
    ['a <canvas> drawn by script', CASES.canvas],
    [
      'a <canvas> declared chart-sized (a look leaves it out), resized square and drawn on 1.2 s later while the page keeps changing',
      CASES.resizedCanvas,
    ],
    ['an inline <svg> without background', CASES.inlineSvg],
    ['an <svg> inside an otpauth:// link', CASES.otpauthLink],
    ['an inverted QR on a dark page', CASES.darkInverted],
    ['a 2× bitmap shown at half size', CASES.retina],
    ['a chart-service image URL with the URI in its query', CASES.chartUrl],
    ['an <img> inside a closed shadow root (read through openOrClosedShadowRoot)', CASES.closedShadow],
    ["an HTML <table> of module cells (read from its cells' colours, no capture)", CASES.tableQr],
  ])('%s: one click adds the account for this site and fills the confirmation field', async (_name, c: EnrollCase) => {
    const page = await visit(c);
    await waitForOverlay(page);
    expect(await page.locator(FIELD).inputValue()).toBe('');
    await clickQr(page);
    await expectAccount(c);
    await expectFilled(page, c.text);
    await page.close();
  });

  it("after enrolling, the page's ten backup codes are offered and saved to that account", async () => {
    const c = CASES.backupCodes;
    const page = await openAndClickQr(c);
    await expectAccount(c);
    await expectFilled(page, c.text);
    await page.getByRole('button', { name: 'Verify and enable' }).click();
    const notice = page.locator('[data-clickauth-notice]');
    await notice.waitFor({ state: 'attached', timeout: 10_000 });
    await page.waitForTimeout(500);
    // The notice's action button is its right-most 88 px (closed shadow root: click by position).
    const right = await page.evaluate(() => document.documentElement.clientWidth - 16);
    await page.mouse.click(right - 40, 16 + 20);
    const id = (await accounts()).find((a) => a.issuer === c.issuer)!.id;
    await expect
      .poll(
        async () => (await call<{ code: string }[]>(control, { type: 'backup-codes/get', id })).map((x) => x.code),
        { timeout: 10_000 },
      )
      .toEqual(Array.from({ length: 10 }, (_, i) => `${String(3100 + i * 7)} ${String(5200 + i * 13)}`));
    await page.close();
  });

  it('a QR that appears later (the "Enable" button opens a dialog)', async () => {
    const c = CASES.revealed;
    const page = await visit(c);
    await page.waitForTimeout(500);
    expect(await page.locator(OVERLAY).count()).toBe(0); // no QR yet
    await page.getByRole('button', { name: 'Enable' }).click();
    await page.getByRole('dialog').waitFor();
    await waitForOverlay(page);
    await clickQr(page);
    await expectAccount(c);
    await expectFilled(page, c.text);
    await page.close();
  });

  it.each([
    ['a modal <dialog> opened with showModal() (the rest of the page is inert)', CASES.modalDialog, 'dialog'],
    ['a page popover (top layer, light dismiss)', CASES.popoverQr, '#setup'],
  ])(
    'a QR in %s: our overlay sits in it, above it in the top layer; one click adds the account and fills its field',
    async (_name, c: EnrollCase, box) => {
      const page = await visit(c);
      await page.locator('#enable').click();
      await waitForOverlay(page);
      // Inside the page's top-layer element: outside a modal dialog it would be inert, outside a light-dismiss popover the click would close it.
      expect(await page.locator(`${box} > ${OVERLAY}`).count()).toBe(1);
      await clickQr(page);
      await expectAccount(c);
      await expectFilled(page, c.text);
      expect(await page.locator(box).evaluate((el) => el.matches(':modal, :popover-open'))).toBe(true);
      await page.close();
    },
  );

  it.each([
    ['<object>', CASES.objectSvg],
    ['<embed>', CASES.embedSvg],
  ])(
    'an SVG file in a same-origin %s: read from its document, one click adds the account and fills the field',
    async (_name, c: EnrollCase) => {
      const page = await openAndClickQr(c);
      await expectAccount(c);
      await expectFilled(page, c.text);
      await page.close();
    },
  );

  it.each([['a CSS background in a closed shadow root', CASES.shadowCss]])(
    '%s (cropped from a tab capture): the click opens the popup, which adds it for this site when the user says so',
    async (_name, c: EnrollCase) => {
      // A capture may show another site's pixels (see enroll-attacks.test.ts): the popup asks first.
      const page = await openAndClickQr(c);
      await page.waitForTimeout(1000);
      expect(named(await accounts(), c.issuer, c.account)).toHaveLength(0);
      const popup = await openPopup(ext);
      const panel = popup.getByTestId('capture-panel');
      await panel.waitFor({ timeout: 10_000 });
      expect(await panel.getByTestId('capture-site').textContent()).toBe(c.host);
      await panel.getByRole('checkbox').check();
      await panel.getByRole('button', { name: 'Add', exact: true }).click();
      await expectAccount(c);
      await expectFilled(page, c.text);
      await popup.close();
      await page.close();
    },
  );

  it('a Google Authenticator export QR: the click opens the popup, which adds all 3 accounts, bound to no site; nothing filled', async () => {
    const c = CASES.googleExport;
    const page = await openAndClickQr(c);
    // Many accounts at once: the popup asks first (background/enroll/capture-ask.ts), names no screenshot.
    await page.waitForTimeout(1000);
    expect(named(await accounts(), EXPORT_ACCOUNTS[0]!.issuer, EXPORT_ACCOUNTS[0]!.account)).toHaveLength(0);
    const popup = await openPopup(ext);
    const panel = popup.getByTestId('capture-panel');
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.getByRole('note').count()).toBe(0);
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await popup.close();
    for (const a of EXPORT_ACCOUNTS) {
      await expect
        .poll(async () => named(await accounts(), a.issuer, a.account).map((x) => x.sites), { timeout: 10_000 })
        .toEqual([[]]);
    }
    await page.close();
  });

  it('a QR whose key is already in the vault adds no duplicate', async () => {
    const c = CASES.duplicate;
    const before = await accounts();
    expect(named(before, c.issuer, c.account)).toHaveLength(1);
    const page = await openAndClickQr(c);
    // The existing account belongs to this site, so its code still goes to the field.
    await expectFilled(page, c.text);
    await page.waitForTimeout(1500);
    const after = await accounts();
    expect(named(after, c.issuer, c.account)).toHaveLength(1);
    expect(after).toHaveLength(before.length);
    await page.close();
  });

  it('a decoy QR (a web address) gets no overlay, and clicking it adds nothing', async () => {
    const c = CASES.decoy;
    const before = await accounts();
    const page = await visit(c);
    await page.locator(QR).evaluate((img) => (img as HTMLImageElement).decode());
    await page.waitForTimeout(2000);
    expect(await page.locator(OVERLAY).count()).toBe(0);
    await clickQr(page);
    await expectNothing(page, before, 'none');
    await page.close();
  });

  it.each([
    ['as a CSS background', CASES.shadowCssCross],
    ['through a same-origin URL that redirects there', CASES.shadowCssRedirect],
  ])(
    "a closed shadow root showing another site's QR %s: no capture, no overlay, the click adds nothing",
    async (_name, c) => {
      // A tab capture would read pixels this page may not read itself (the other site's image, loaded
      // with the user's cookies); content/enroll/capture-guard.ts refuses before asking for one.
      const before = await accounts();
      const page = await visit(c);
      await page.waitForTimeout(3000);
      expect(await page.locator(OVERLAY).count()).toBe(0);
      await clickQr(page);
      await expectNothing(page, before, 'none');
      expect(named(await accounts(), c.issuer, c.account)).toHaveLength(0);
      await page.close();
    },
  );

  it('clicks synthesized by a page script (isTrusted false) add nothing', async () => {
    const c = CASES.synthetic;
    const before = await accounts();
    const page = await visit(c);
    await waitForOverlay(page); // the extension did see the QR: the clicks below are the only thing missing
    await expect.poll(() => page.evaluate(() => document.body.dataset.done), { timeout: 5000 }).toBe('yes');
    // And a script in the page's world through the test driver, for good measure.
    await page.evaluate(
      ([overlay, qr]) => {
        for (const el of [document.querySelector(overlay), document.querySelector(qr)]) {
          el?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
          (el as HTMLElement | null)?.click();
        }
      },
      [OVERLAY, QR] as const,
    );
    await expectNothing(page, before, 'allowed');
    expect(named(await accounts(), c.issuer, c.account)).toHaveLength(0);
    await page.close();
  });

  it('locked vault: the click asks for the password, and the account is added after unlock', async () => {
    const c = CASES.locked;
    await call(control, { type: 'vault/lock' });
    const page = await visit(c);
    await waitForOverlay(page);
    const before = await extensionTargets();
    const opened: Page[] = [];
    const onPage = (p: Page) => opened.push(p);
    ext.context.on('page', onPage);
    try {
      await clickQr(page);
      // Asked for the password: a new extension page (the toolbar popup, which Playwright does not
      // list as a page, or a small window) is among the browser's targets.
      const asked = await within(10_000, async () => (await extensionTargets()).some((id) => !before.includes(id)));
      expect.soft(asked, 'an extension window or popup opened to ask for the password').toBe(true);
      // Still locked: nothing can have been added yet.
      expect((await call<{ state: string }>(control, { type: 'vault/status' })).state).toBe('locked');
      await call(control, { type: 'vault/unlock', password: PASSWORD });
      await expectAccount(c);
      const filled = await within(10_000, async () =>
        plausibleCodes(c.text).includes(await page.locator(FIELD).inputValue()),
      );
      expect.soft(filled, 'confirmation field filled after unlock').toBe(true);
    } finally {
      ext.context.off('page', onPage);
      for (const p of opened) if (!p.isClosed()) await p.close().catch(() => undefined);
      await page.close();
    }
  });
});
