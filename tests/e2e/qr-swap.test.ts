/**
 * A page that changes its QR after our overlay appeared (a QR library redrawing its canvas, a
 * "regenerate" button, an image swapped): a click adds the key the user sees now, or nothing, never
 * the key that was read before. Attack and accident alike: a page could draw key A, let the overlay
 * come, then draw key B, and have the click add A bound to its site with B's page in front of the user.
 * - a canvas redrawn with another key: the click reads it again and adds nothing; the overlay comes
 *   back for the new key and a click adds that one (the control: the same page does enroll);
 * - an image whose source becomes a QR that is no key: the overlay goes, and a click adds nothing;
 *   the control swaps in a key again and its click adds it;
 * - a canvas that keeps redrawing the same QR (a colour that pulses, a moving frame around it): one
 *   click adds it; the check does not stand in the way of a QR that only animates;
 * - an inline SVG re-rendered with another key (as a QR component does): as for the canvas;
 * - "Scan this page" after a canvas was redrawn adds the key drawn now, not the one read before;
 * - an image that shows another QR than its source's: CSS `content: url()` set after the overlay came
 *   (the click adds nothing, the overlay goes) or from the start (no overlay), and an animated PNG whose
 *   first frame (what a decoder reads) is one key and whose shown frame another (no overlay), in a
 *   data: URL and fetched from another site. Controls: the same pages without the trick enroll.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { Page } from 'playwright-core';
import type { LoadedExtension } from './harness';
import type { FixtureServer, RouteBody } from './server';
import { call } from './popup-helpers';
import {
  clickQr as clickQrCentre,
  closeBed,
  launchWithVault,
  openPage,
  OVERLAY,
  servePages,
  waitForOverlay,
} from './setup';
import { apng, plausibleCodes, qrMatrix, qrPng, qrSvgInline, TEMPLATE_DIR, totpUri } from './enroll-fixtures';
import type { AccountList } from '../../src/shared/protocol';

const ISSUER = 'Swap Works';
const HOST = 'swap-works.test';
const FIRST = totpUri(ISSUER, 'first@swap.test', 'swap-first');
const SECOND = totpUri(ISSUER, 'second@swap.test', 'swap-second');
const THIRD = totpUri(ISSUER, 'third@swap.test', 'swap-third');
const FOURTH = totpUri(ISSUER, 'fourth@swap.test', 'swap-fourth');
const FIFTH = totpUri(ISSUER, 'fifth@swap.test', 'swap-fifth');
const SIXTH = totpUri(ISSUER, 'sixth@swap.test', 'swap-sixth');
const SEVENTH = totpUri(ISSUER, 'seventh@swap.test', 'swap-seventh');
const EIGHTH = totpUri(ISSUER, 'eighth@swap.test', 'swap-eighth');

let server: FixtureServer;
let ext: LoadedExtension;
let control: Page;

beforeAll(async () => {
  const canvasPage = readFileSync(join(TEMPLATE_DIR, 'canvas.html'), 'utf8')
    .replaceAll('{{ISSUER}}', ISSUER)
    .replace('{{KEY}}', '')
    .replace('{{MATRIX}}', JSON.stringify(qrMatrix(FIRST)));
  const imgPage = readFileSync(join(TEMPLATE_DIR, 'same-origin-png.html'), 'utf8')
    .replaceAll('{{ISSUER}}', ISSUER)
    .replace('{{IMG}}', await QRCode.toDataURL(FIRST, { errorCorrectionLevel: 'M', margin: 4, scale: 5 }))
    .replace('{{KEY}}', '');
  const svgPage = readFileSync(join(TEMPLATE_DIR, 'inline-svg.html'), 'utf8')
    .replaceAll('{{ISSUER}}', ISSUER)
    .replace('{{KEY}}', '')
    .replace('{{SVG}}', await qrSvgInline(SIXTH));
  server = await servePages({
    '/swap/svg.html': () => svgPage,
    '/swap/scan.html': () => canvasPage.replace(JSON.stringify(qrMatrix(FIRST)), JSON.stringify(qrMatrix(FIFTH))),
    '/swap/canvas.html': () => canvasPage,
    '/swap/img.html': () => imgPage,
    '/swap/animated.html': () => canvasPage.replace(JSON.stringify(qrMatrix(FIRST)), JSON.stringify(qrMatrix(FOURTH))),
    ...(await shownRoutes()),
  });
  ({ ext, popup: control } = await launchWithVault());
});

afterAll(() => closeBed(ext, server));

/**
 * Pages whose image shows another QR than its bytes' default one (issuer SHOWN_ISSUER): CSS
 * `content: url()` over an <img>, and an animated PNG. `/shown/<key>.png` is each key's still QR.
 */
const SHOWN_ISSUER = 'Shown Works';
const SHOWN_HOST = 'shown-works.test';
const SHOWN = [
  'css-control',
  'css-read',
  'css-seen',
  'css-early',
  'anim-control',
  'anim-a',
  'anim-b',
  'anim-c',
  'anim-d',
];
const shownUri = (key: string) => totpUri(SHOWN_ISSUER, `${key}@shown.test`, `shown-${key}`);

async function shownRoutes(): Promise<Record<string, () => RouteBody>> {
  const pngs = Object.fromEntries(await Promise.all(SHOWN.map(async (k) => [k, await qrPng(shownUri(k))] as const)));
  const png = (body: Buffer) => () => ({ status: 200, headers: { 'content-type': 'image/png' }, body });
  // The QR a decoder reads shows for 0.1 s, the other one for a minute, over and over.
  const animated = (a: string, b: string) =>
    apng([
      { png: pngs[a]!, delayMs: 100 },
      { png: pngs[b]!, delayMs: 60_000 },
    ]);
  const page = (
    src: string,
    style = '',
  ) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Setup</title>
<style>body{font:16px system-ui;margin:40px} ${style}</style></head><body><h1>Set up your authenticator</h1>
<img data-test="qr" alt="QR code" width="205" height="205" src="${src}">
<p><label for="code">Enter the code</label> <input id="code" name="code" autocomplete="off" inputmode="numeric" maxlength="6"></p></body></html>`;
  const routes: Record<string, () => RouteBody> = {};
  for (const k of SHOWN) routes[`/shown/${k}.png`] = png(pngs[k]!);
  routes['/shown/anim-ab.png'] = png(animated('anim-a', 'anim-b'));
  routes['/shown/css-control.html'] = () => page('/shown/css-control.png');
  routes['/shown/css.html'] = () => page('/shown/css-read.png');
  routes['/shown/css-early.html'] = () =>
    page('/shown/css-early.png', '[data-test=qr]{content:url(/shown/css-seen.png)}');
  routes['/shown/anim-control.html'] = () => page(`data:image/png;base64,${pngs['anim-control']!.toString('base64')}`);
  routes['/shown/anim-data.html'] = () =>
    page(`data:image/png;base64,${animated('anim-c', 'anim-d').toString('base64')}`);
  // Another site's image: the background fetches it and reads its bytes.
  routes['/shown/anim-url.html'] = () => page(server.url('/shown/anim-ab.png', 'cdn.shown-works.test', 'https'));
  return routes;
}

const shownNames = async (): Promise<string[]> =>
  (await call<AccountList>(control, { type: 'accounts/list' })).accounts
    .filter((a) => a.issuer === SHOWN_ISSUER)
    .map((a) => a.account);

const names = async (): Promise<string[]> =>
  (await call<AccountList>(control, { type: 'accounts/list' })).accounts
    .filter((a) => a.issuer === ISSUER)
    .map((a) => a.account);

const overlays = (page: Page) => page.locator(OVERLAY);

/** Clicks the middle of the QR once the overlay has been shown long enough to take a click. */
async function clickQr(page: Page): Promise<void> {
  await waitForOverlay(page, 800); // the clickjacking guard's clock (genuine.ts): shown, then seen
  await clickQrCentre(page);
}

/** Opens `path`, and waits until our overlay is on it (the test changes the QR before any click). */
async function openSwap(path: string, host = HOST): Promise<Page> {
  const page = await openPage(ext, server.url(path, host, 'https'));
  await overlays(page).first().waitFor({ state: 'attached', timeout: 15_000 });
  return page;
}

describe('a QR the page changes after our overlay appeared', () => {
  it('a canvas redrawn with another key: the click adds nothing; the overlay comes back and adds the new key', async () => {
    const page = await openSwap('/swap/canvas.html');
    // The page draws another key where the first was (no attribute changes: a canvas redraw).
    await page.evaluate((rows) => {
      const w = window as unknown as { drawMatrix(c: HTMLCanvasElement, m: string[]): void };
      w.drawMatrix(document.getElementById('qr') as HTMLCanvasElement, rows);
    }, qrMatrix(SECOND));
    await clickQr(page);
    await page.waitForTimeout(1500);
    expect(await names()).toEqual([]);
    expect(await page.locator('input[name=code]').inputValue()).toBe('');
    // Control: the overlay is back, for the key drawn now, and its click adds that one.
    await clickQr(page);
    await expect.poll(names, { timeout: 10_000 }).toEqual(['second@swap.test']);
    await expect.poll(() => page.locator('input[name=code]').inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    expect(plausibleCodes(SECOND)).toContain(await page.locator('input[name=code]').inputValue());
    await page.close();
  });

  it('an image swapped for a QR that is no key: the overlay goes and a click adds nothing; a key swapped in again is added', async () => {
    const page = await openSwap('/swap/img.html');
    const swap = (src: string) =>
      page.evaluate((s) => ((document.querySelector('[data-test=qr]') as HTMLImageElement).src = s), src);
    await swap(await QRCode.toDataURL('https://example.com/get-our-app', { margin: 4, scale: 5 }));
    await expect.poll(() => overlays(page).count(), { timeout: 10_000 }).toBe(0);
    const box = (await page.locator('[data-test=qr]').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(1500);
    expect((await names()).filter((n) => n !== 'second@swap.test')).toEqual([]);
    // Control: a key swapped in again gets its overlay, and its click adds it.
    await swap(await QRCode.toDataURL(THIRD, { errorCorrectionLevel: 'M', margin: 4, scale: 5 }));
    // The swapped image is read again and gets a new overlay, whose clock starts then: on a loaded
    // machine one click may still come before it counts (CI saw it once), so the user clicks again.
    for (let attempt = 0; attempt < 3 && !(await names()).includes('third@swap.test'); attempt++) {
      await clickQr(page);
      await expect
        .poll(async () => (await names()).includes('third@swap.test'), { timeout: 4000 })
        .toBe(true)
        .catch(() => undefined); // not yet: click again
    }
    expect(await names()).toContain('third@swap.test');
    expect(await names()).not.toContain('first@swap.test');
    await page.close();
  });

  it('a canvas that keeps redrawing the same QR (a pulsing colour, a moving frame): one click adds it', async () => {
    const page = await openSwap('/swap/animated.html');
    await page.evaluate((rows) => {
      const canvas = document.getElementById('qr') as HTMLCanvasElement;
      const ctx = canvas.getContext('2d')!;
      const quiet = 4;
      const cell = Math.floor(canvas.width / (rows.length + 2 * quiet));
      const offset = Math.floor((canvas.width - cell * rows.length) / 2);
      let frame = 0;
      const draw = () => {
        frame++;
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.fillStyle = `hsl(215, 20%, ${10 + (frame % 20)}%)`;
        rows.forEach((row, y) =>
          [...row].forEach((bit, x) => {
            if (bit === '1') ctx.fillRect(offset + x * cell, offset + y * cell, cell, cell);
          }),
        );
        ctx.strokeStyle = `hsl(${(frame * 7) % 360}, 70%, 60%)`;
        ctx.strokeRect(1 + (frame % 3), 1 + (frame % 3), canvas.width - 8, canvas.height - 8);
        requestAnimationFrame(draw);
      };
      draw();
    }, qrMatrix(FOURTH));
    await clickQr(page);
    await expect.poll(async () => (await names()).includes('fourth@swap.test'), { timeout: 10_000 }).toBe(true);
    await page.close();
  });

  it('an inline SVG re-rendered with another key: the click adds nothing; the overlay comes back and adds the new key', async () => {
    const page = await openSwap('/swap/svg.html');
    // A QR component renders the new key into the same <svg> element.
    await page.evaluate(
      (markup) => {
        const svg = document.querySelector('[data-test=qr]')!;
        const next = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
        svg.setAttribute('viewBox', next.getAttribute('viewBox') ?? '');
        svg.replaceChildren(...[...next.childNodes].map((n) => document.importNode(n, true)));
      },
      await qrSvgInline(SEVENTH),
    );
    await clickQr(page);
    await page.waitForTimeout(1500);
    expect(await names()).not.toContain('sixth@swap.test');
    await clickQr(page);
    await expect.poll(async () => (await names()).includes('seventh@swap.test'), { timeout: 10_000 }).toBe(true);
    expect(await names()).not.toContain('sixth@swap.test');
    await page.close();
  });

  it('"Scan this page" after a canvas was redrawn adds the key drawn now, not the one read before', async () => {
    const page = await openSwap('/swap/scan.html');
    await page.evaluate((rows) => {
      const w = window as unknown as { drawMatrix(c: HTMLCanvasElement, m: string[]): void };
      w.drawMatrix(document.getElementById('qr') as HTMLCanvasElement, rows);
    }, qrMatrix(EIGHTH));
    await page.bringToFront();
    await call(control, { type: 'scan/visible-tab' });
    await expect.poll(async () => (await names()).includes('eighth@swap.test'), { timeout: 10_000 }).toBe(true);
    expect(await names()).not.toContain('fifth@swap.test');
    await page.close();
  });
});

describe('an image that shows another QR than the one read from it', () => {
  it('control: the page without a trick enrolls with one click', async () => {
    const page = await openSwap('/shown/css-control.html', SHOWN_HOST);
    await clickQr(page);
    await expect.poll(shownNames, { timeout: 10_000 }).toEqual(['css-control@shown.test']);
    await page.close();
  });

  it('CSS content: url() paints another QR over the <img> after our overlay came: the click adds nothing, the overlay goes', async () => {
    const page = await openSwap('/shown/css.html', SHOWN_HOST);
    await page.evaluate(() => {
      (document.querySelector('[data-test=qr]') as HTMLElement).style.content = 'url(/shown/css-seen.png)';
    });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('[data-test=qr]')!).content)).toMatch(
      /css-seen\.png/,
    );
    await clickQr(page);
    await page.waitForTimeout(2000);
    expect((await shownNames()).filter((n) => n !== 'css-control@shown.test')).toEqual([]);
    expect(await overlays(page).count()).toBe(0);
    await page.close();
  });

  it('an <img> styled with content: url() from the start gets no overlay; a click adds nothing', async () => {
    const page = await openPage(ext, server.url('/shown/css-early.html', SHOWN_HOST, 'https'));
    await page.waitForTimeout(3000);
    expect(await overlays(page).count()).toBe(0);
    await clickQrCentre(page);
    await page.waitForTimeout(1500);
    expect((await shownNames()).filter((n) => n !== 'css-control@shown.test')).toEqual([]);
    await page.close();
  });

  it('control: a still PNG in a data: URL enrolls with one click', async () => {
    const page = await openSwap('/shown/anim-control.html', SHOWN_HOST);
    await clickQr(page);
    await expect
      .poll(async () => (await shownNames()).includes('anim-control@shown.test'), { timeout: 10_000 })
      .toBe(true);
    await page.close();
  });

  it.each([
    ['in a data: URL', '/shown/anim-data.html'],
    ["on another site (the background's fetch)", '/shown/anim-url.html'],
  ])(
    'an animated PNG %s, whose first frame is one key and whose other frame, shown, another: no overlay, a click adds nothing',
    async (_where, path) => {
      const page = await openPage(ext, server.url(path, SHOWN_HOST, 'https'));
      // Both frames are QRs of a key: what the user sees is not what a decoder reads.
      await page.waitForTimeout(3000);
      expect(await overlays(page).count()).toBe(0);
      await clickQrCentre(page);
      await page.waitForTimeout(1500);
      expect((await shownNames()).filter((n) => /^anim-[a-d]@/.test(n))).toEqual([]);
      await page.close();
    },
  );
});
