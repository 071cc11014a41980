/**
 * Attack pages against enrolling by clicking a QR (issue 11): pages that paint another site's QR where
 * only a tab capture reads it (finding 2), that make the background fetch images they may not read
 * (finding 4), and that show keys of other sites (finding 10). Each has a control in the same setup
 * where the extension does act. Pages: ./enroll-attack-pages.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { evaluateInContentScript } from './content-world';
import type { LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { call, openPopup } from './popup-helpers';
import { clickQr, closeBed, launchWithVault, openPage, OVERLAY, QR, servePages, waitForOverlay } from './setup';
import { plausibleCodes } from './enroll-fixtures';
import {
  attackRoutes,
  CAPTURE_ATTACKS,
  EXPORTED,
  FRAMED,
  FRAMED_AGAIN,
  LATE_QR,
  LOOKALIKE_ISSUER,
  SVG_HYPHEN,
  MATCHING,
  MISMATCH,
  PERSONAL,
  seen,
  SESSION_COOKIE,
  type CaptureAttack,
} from './enroll-attack-pages';
import type { AccountList, AccountView } from '../../src/shared/protocol';

const FIELD = 'input[name=code]';

let server: FixtureServer;
let ext: LoadedExtension;
let control: Page;

beforeAll(async () => {
  server = await servePages(
    await attackRoutes(
      () => server.port,
      () => server.httpsPort,
    ),
  );
  ({ ext, popup: control } = await launchWithVault());
});

afterAll(() => closeBed(ext, server));

const accounts = async (): Promise<AccountView[]> =>
  (await call<AccountList>(control, { type: 'accounts/list' })).accounts;
const named = async (c: { issuer: string; account: string }) =>
  (await accounts()).filter((a) => a.issuer === c.issuer && a.account === c.account);
const originOf = (host: string, scheme: 'http' | 'https' = 'http') => new URL(server.url('/', host, scheme)).origin;

const visit = (path: string, host: string, scheme: 'http' | 'https' = 'http') =>
  openPage(ext, server.url(path, host, scheme));

async function extensionTargets(): Promise<string[]> {
  const cdp = await ext.context.newCDPSession(control);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    return targetInfos
      .filter((t) => t.url.startsWith(`chrome-extension://${ext.extensionId}/`) && t.type !== 'service_worker')
      .map((t) => t.targetId);
  } finally {
    await cdp.detach();
  }
}

async function within(ms: number, probe: () => Promise<boolean>): Promise<boolean> {
  for (const deadline = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 200))) {
    if (await probe()) return true;
    if (Date.now() > deadline) return false;
  }
}

/** Enroll `c` by one click on its page; the account is added (bound or not: the caller checks). */
async function enrollByClick(page: Page, c: { issuer: string; account: string }): Promise<AccountView> {
  await waitForOverlay(page);
  await clickQr(page);
  await expect.poll(async () => (await named(c)).length, { timeout: 10_000, message: `${c.account} added` }).toBe(1);
  return (await named(c))[0]!;
}

async function expectCodeFilled(page: Page, text: string, selector = FIELD): Promise<void> {
  await expect.poll(() => page.locator(selector).inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
  expect(plausibleCodes(text)).toContain(await page.locator(selector).inputValue());
}

/** A login page on `host` (https): is the code filled without a click? */
async function loginFills(host: string, text?: string): Promise<boolean> {
  const page = await visit('/login/one-time-code.html', host, 'https');
  try {
    const filled = await within(5000, async () => /^\d{6}$/.test(await page.locator('#c').inputValue()));
    if (filled && text) expect(plausibleCodes(text)).toContain(await page.locator('#c').inputValue());
    return filled;
  } finally {
    await page.close();
  }
}

describe('finding 10: keys of other sites are added bound to no site', () => {
  it("control: a QR whose issuer names the page's site is bound to it, fills the field, and is filled at login", async () => {
    const page = await visit('/enroll10/match.html', 'mail-machine.test', 'https');
    const account = await enrollByClick(page, MATCHING);
    expect(account.sites).toEqual([originOf('mail-machine.test', 'https')]);
    await expectCodeFilled(page, MATCHING.text);
    await page.close();
    expect(await loginFills('mail-machine.test', MATCHING.text)).toBe(true);
  });

  it('issuer "Mail Machine" on evil.test: added unbound (the page still gets the code it showed); no autofill on evil.test', async () => {
    const page = await visit('/enroll10/mismatch.html', 'evil.test', 'https');
    const account = await enrollByClick(page, MISMATCH);
    expect(account.sites).toEqual([]);
    await expectCodeFilled(page, MISMATCH.text);
    await page.close();
    expect(await loginFills('evil.test', MISMATCH.text)).toBe(false);
  });

  it("a lookalike of an account's site (mail-machlne.test) whose QR's issuer spells it: added unbound, so the popup still warns there", async () => {
    // The control above bound "Mail Machine" to mail-machine.test; the binding by issuer works here.
    const real = await named(MATCHING);
    if (real.length === 0)
      await enrollByClick(await visit('/enroll10/match.html', 'mail-machine.test', 'https'), MATCHING);
    expect((await named(MATCHING))[0]!.sites).toEqual([originOf('mail-machine.test', 'https')]);
    const page = await visit('/enroll10/lookalike.html', 'mail-machlne.test', 'https');
    const account = await enrollByClick(page, LOOKALIKE_ISSUER);
    expect(account.sites).toEqual([]);
    await page.close();
    expect(await loginFills('mail-machlne.test', LOOKALIKE_ISSUER.text)).toBe(false);
  });

  it('a Google Authenticator export, even one naming the page: asked in the popup, unbound, no code for the page, no autofill on that host', async () => {
    const page = await visit('/enroll10/export.html', 'export-tool.test', 'https');
    await waitForOverlay(page);
    await clickQr(page);
    // An export adds many accounts at once: the click only asks; nothing is added before the popup's yes.
    await page.waitForTimeout(1000);
    expect(await named(EXPORTED)).toHaveLength(0);
    const popup = await openPopup(ext);
    const panel = popup.getByTestId('capture-panel');
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.getByRole('checkbox').count()).toBe(0);
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(async () => (await named(EXPORTED)).length, { timeout: 10_000 }).toBe(1);
    await popup.close();
    const [account] = await named(EXPORTED);
    expect(account!.sites).toEqual([]);
    await page.waitForTimeout(1000);
    expect(await page.locator(FIELD).inputValue()).toBe('');
    await page.close();
    expect(await loginFills('export-tool.test')).toBe(false);
  });
});

describe('finding 4: the background fetches only what a stranger could', () => {
  it('control: a cross-origin image on a public name gets the overlay', async () => {
    const page = await visit('/attack/loop-control.html', 'evil.test');
    await waitForOverlay(page);
    await page.close();
  });

  it('an image on a loopback address (127.0.0.1) named by a public page: not fetched, no overlay', async () => {
    const page = await visit('/attack/loopback.html', 'evil.test');
    await page.locator(QR).evaluate((img) => (img as HTMLImageElement).decode().catch(() => undefined));
    await page.waitForTimeout(3000);
    expect(await page.locator(OVERLAY).count()).toBe(0);
    // The page's own <img> may load it; the extension never asked.
    expect(seen.filter((r) => r.path === '/loop/qr.png' && r.host.startsWith('127.0.0.1') && r.ours)).toEqual([]);
    await page.close();
  });

  it('a cross-site image that redirects to a QR: no overlay', async () => {
    const page = await visit('/attack/redirect.html', 'evil.test');
    await page.waitForTimeout(3000);
    expect(await page.locator(OVERLAY).count()).toBe(0);
    await page.close();
  });

  it('a personal QR fetched with cookies for its own site is not served later to another page from the cache', async () => {
    await ext.context.addCookies([{ ...SESSION_COOKIE, domain: 'victim.test', path: '/', sameSite: 'Lax' }]);
    // Control: on its own origin the page shows its QR (drawn by the content script) and gets the overlay.
    const own = await visit('/victim/own.html', 'victim.test');
    await waitForOverlay(own);
    await own.close();
    // The victim's settings on www.victim.test show the same image from victim.test (same site).
    const settings = await visit('/victim/settings.html', 'www.victim.test');
    await settings.waitForTimeout(3000);
    await settings.close();
    // The attacker names the same URL: whatever the background fetched before, it must not show it.
    const page = await visit('/attack/cached.html', 'evil.test');
    await page.waitForTimeout(3000);
    expect(await page.locator(OVERLAY).count()).toBe(0);
    expect(await named(PERSONAL)).toEqual([]);
    // Never with the cookie for another origin than the page's own.
    expect(seen.filter((r) => r.path === '/victim/personal-qr.png' && r.ours && r.cookie)).toEqual([]);
    await page.close();
  });
});

describe('clickjacking a setup page that another site frames', () => {
  /** prize.test's page `path`, with mail-machine.test's setup page framed under a decoy; clicks the QR there. */
  async function clickFramedQr(path: string) {
    const page = await visit(path, 'prize.test', 'https');
    const frame = page.frameLocator('iframe');
    await frame.locator(OVERLAY).first().waitFor({ state: 'attached', timeout: 15_000 });
    await page.waitForTimeout(900); // past the overlay's anti-clickjacking delay
    const box = (await frame.locator(QR).boundingBox())!;
    const windows: Page[] = [];
    const onPage = (p: Page) => windows.push(p);
    ext.context.on('page', onPage); // the small window, where the toolbar popup cannot open
    await page.bringToFront();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(2500);
    ext.context.off('page', onPage);
    for (const p of windows) if (!p.isClosed()) await p.close().catch(() => undefined);
    return { page, frame };
  }

  it('hidden by a CSS mask under a decoy, a click on its QR adds nothing; the popup asks, naming the framing site; added there as on its page', async () => {
    const { page, frame } = await clickFramedQr('/attack/framed-setup.html');
    // The build before added it here, and filled the code into the hidden frame.
    expect(await named(FRAMED)).toEqual([]);
    expect(await frame.locator(FIELD).inputValue()).toBe('');

    const popup = await openPopup(ext);
    const panel = popup.getByTestId('capture-panel');
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.getByTestId('capture-framed').textContent()).toBe(
      'This QR code of mail-machine.test is shown inside a page of prize.test, another site, which can hide it under its own page. Add it only if you meant to set up mail-machine.test here.',
    );
    expect(await panel.getByRole('checkbox').count()).toBe(0);
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(async () => (await named(FRAMED)).map((a) => a.sites), { timeout: 10_000 })
      .toEqual([[originOf('mail-machine.test', 'https')]]);
    await popup.close();
    // Control: accepted in our own UI, the frame's confirmation field gets its code.
    await expect.poll(() => frame.locator(FIELD).inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    expect(plausibleCodes(FRAMED.text)).toContain(await frame.locator(FIELD).inputValue());
    await page.close();
  });

  it('set up again there with a new key: the popup asks "Replace the old one?" (the page cannot: its frame is hidden); Replace trashes the old key', async () => {
    // The account the test above added, bound to mail-machine.test.
    const [old] = await named(FRAMED);
    expect(old?.sites).toEqual([originOf('mail-machine.test', 'https')]);
    const { page, frame } = await clickFramedQr('/attack/framed-again.html');
    expect((await named(FRAMED_AGAIN)).map((a) => a.id)).toEqual([old!.id]);
    const popup = await openPopup(ext);
    const panel = popup.getByTestId('capture-panel');
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.getByTestId('capture-framed').count()).toBe(1);
    expect(await panel.getByTestId('capture-replaces').textContent()).toBe(
      `You already have ${FRAMED.issuer} · ${FRAMED.account} on this site. Replace the old one?`,
    );
    expect(await panel.getByRole('button', { name: 'Add', exact: true }).count()).toBe(0);
    await panel.getByRole('button', { name: 'Replace', exact: true }).click();
    await expect
      .poll(async () => (await named(FRAMED_AGAIN)).map((a) => a.id), { timeout: 10_000 })
      .not.toEqual([old!.id]);
    const [now] = await named(FRAMED_AGAIN);
    expect(now?.sites).toEqual([originOf('mail-machine.test', 'https')]);
    const trash = await call<{ id: string }[]>(popup, { type: 'accounts/trash' });
    expect(trash.map((t) => t.id)).toContain(old!.id);
    await popup.close();
    // The frame's confirmation field gets the new key's code.
    await expect
      .poll(async () => plausibleCodes(FRAMED_AGAIN.text).includes(await frame.locator(FIELD).inputValue()), {
        timeout: 10_000,
      })
      .toBe(true);
    await page.close();
  });
});

describe('finding 2: a QR read from a tab capture is never added by a click on the page', () => {
  const opened: Page[] = [];
  const onPage = (p: Page) => opened.push(p);

  it.each(Object.keys(CAPTURE_ATTACKS) as CaptureAttack[])(
    '%s: the click adds nothing, the popup asks, accepted it is bound to no site',
    async (kind) => {
      const { qr, https } = CAPTURE_ATTACKS[kind];
      const scheme = https ? 'https' : 'http';
      const page = await visit(`/attack/${kind}.html`, 'evil.test', scheme);
      await waitForOverlay(page);
      const before = await extensionTargets();
      ext.context.on('page', onPage); // the small window, where the toolbar popup cannot open
      await clickQr(page);
      const asked = await within(10_000, async () => (await extensionTargets()).some((id) => !before.includes(id)));
      expect.soft(asked, 'the popup (or a small window) opened').toBe(true);
      await page.waitForTimeout(1000);
      ext.context.off('page', onPage);
      expect(await named(qr)).toEqual([]);
      expect(await page.locator(FIELD).inputValue()).toBe('');
      for (const p of opened.splice(0)) if (p !== page && !p.isClosed()) await p.close().catch(() => undefined);

      const popup = await openPopup(ext);
      const panel = popup.getByTestId('capture-panel');
      await panel.waitFor({ timeout: 10_000 });
      expect(await panel.getByTestId('capture-site').textContent()).toBe('evil.test');
      expect(await panel.getByRole('checkbox').isChecked()).toBe(false);
      await panel.getByRole('button', { name: 'Add', exact: true }).click();
      await expect.poll(async () => (await named(qr)).map((a) => a.sites), { timeout: 10_000 }).toEqual([[]]);
      await popup.close();
      // The page is told it was added, without the names: those pixels were another site's (the build
      // before wrote "Added Victim Bank…" into our overlay on evil.test, whose size the page can measure).
      const told = () =>
        evaluateInContentScript<string>(
          page,
          `(() => { const root = chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-clickauth-overlay]')); return root ? root.textContent : ''; })()`,
          'ClickAuth Authenticator',
        );
      await expect.poll(told, { timeout: 10_000 }).toContain('Added to your authenticator (not linked to this site).');
      expect(await told()).not.toContain(qr.issuer);
      expect(await told()).not.toContain(qr.account);
      await page.waitForTimeout(1000);
      expect(await page.locator(FIELD).inputValue()).toBe('');
      await page.close();
    },
  );

  // Our in-field button's icon is an SVG in a closed shadow root; Chrome's openOrClosedShadowRoot
  // throws for an SVG element, which made the capture guard's walk of the page fail and the QR was
  // never looked at again (the flaky root-background case, when the button came first).
  it('a captured QR shown after our in-field button is on the code field still gets the overlay; the click adds nothing', async () => {
    const page = await visit('/attack/late-qr.html', 'evil.test');
    await expect
      .poll(() => page.evaluate(() => (window as { buttonFirst?: boolean }).buttonFirst), { timeout: 10_000 })
      .toBe(true);
    await waitForOverlay(page);
    await clickQr(page);
    await page.waitForTimeout(1000);
    expect(await named(LATE_QR)).toEqual([]);
    for (const p of ext.context.pages()) if (p !== page && p !== control) await p.close().catch(() => undefined);
    await page.close();
  });
});

describe('a page with an SVG element whose name has a hyphen', () => {
  it('its QR still gets the overlay (the shadow-root lookup no longer throws on the SVG element)', async () => {
    const page = await visit('/attack/svg-hyphen.html', 'evil.test');
    expect(await page.locator('font-face').evaluate((e) => e.namespaceURI)).toBe('http://www.w3.org/2000/svg');
    await enrollByClick(page, SVG_HYPHEN);
    await page.close();
  });
});
