/**
 * Finding 9, denial of service against enrollment, in real Chromium:
 *  (a) eviction: a page on attacker.test shows 300 distinct authenticator QRs (3 in each of 100
 *      frames: a frame reads only a few QRs on its own), so the background issues 300 tokens; the user's real click on the QR in another tab must still enroll (the old
 *      200-entry map dropped the oldest token, the victim's, for anyone's new one);
 *  (b) decompression bomb: an image that declares 30000×30000 pixels (small on the wire) next to a
 *      real QR; the bomb is refused from its header, the service worker stays responsive, and the real
 *      QR still gets its overlay and enrolls. The bomb is served only to the extension's fetch (the
 *      page's own <img> request gets a harmless grey square): a server can tell them apart, and the
 *      page's renderer is not what this test is about.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, repoRoot, type LoadedExtension } from './harness';
import { serveFixtures, type FixtureServer } from './server';
import { call, createVault, openPopup } from './popup-helpers';
import { encodePng, keyGroups, plausibleCodes, qrPng, totpUri } from './enroll-fixtures';
import { bombPng } from '../unit/qr/image-headers';
import { imageSize } from '../../src/core/qr';
import type { AccountList, AccountView, VaultStatus } from '../../src/shared/protocol';

const OVERLAY = '[data-clickauth-overlay]';
const FLOOD = 300;

// Each host spells its issuer, so the key is bound to the page's site (src/core/site/issuer.ts).
const victim = { host: 'evicted-bank.test', issuer: 'Evicted Bank', account: 'wendy@evicted-bank.test' };
const bombed = { host: 'bombed.test', issuer: 'Bombed Mail', account: 'xavier@bombed.test' };
const jpegCase = { host: 'jpeg-photo-co.test', issuer: 'Jpeg Photo Co', account: 'yara@jpeg-photo-co.test' };
const webpCase = { host: 'webp-media-co.test', issuer: 'Webp Media Co', account: 'zoe@webp-media-co.test' };
const victimUri = totpUri(victim.issuer, victim.account, 'dos-victim');
const bombedUri = totpUri(bombed.issuer, bombed.account, 'dos-bombed');

let server: FixtureServer;
let images: Server;
let imagesPort = 0;
/** How many times the extension (not the page) fetched the bomb. */
let bombFetches = 0;
let ext: LoadedExtension;
let control: Page;
/** QR images Chromium itself encoded as JPEG and WebP (data: URLs), filled in once the browser runs. */
const encoded: Record<'jpeg' | 'webp', string> = { jpeg: '', webp: '' };

function setupPage(title: string, qr: string, extra = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} – set up two-factor authentication</title>
<style>body{font:16px system-ui;margin:40px;max-width:560px} img{display:block;margin:12px 0}</style></head>
<body><h1>Set up two-factor authentication</h1>
<form><p>Scan this QR code with your authenticator app.</p>
${extra}
<img data-test="qr" alt="QR code" width="200" height="200" src="data:image/png;base64,${qr}">
<p>Can't scan? Enter this key: <code>KEY</code></p>
<label for="code">Enter the 6-digit code</label>
<input id="code" name="code" autocomplete="off" inputmode="numeric" maxlength="6">
<button>Verify</button></form></body></html>`;
}

/**
 * The attack page: FLOOD different authenticator QRs (every one a real, distinct key), three to a
 * frame. A frame reads 3 QRs on its own (src/content/enroll/index.ts) and the rest only when the
 * user's pointer reaches them, so the attacker spreads them over frames to have them all decoded.
 */
const PER_FRAME = 3;
async function floodFrames(): Promise<string[]> {
  const frames: string[] = [];
  for (let f = 0; f < FLOOD / PER_FRAME; f++) {
    const imgs: string[] = [];
    for (let i = f * PER_FRAME; i < (f + 1) * PER_FRAME; i++) {
      const png = await qrPng(totpUri(`Flood ${i}`, `n${i}@attacker.test`, `flood-${i}`), { margin: 2, scale: 3 });
      imgs.push(`<img width="96" height="96" alt="" src="data:image/png;base64,${png.toString('base64')}">`);
    }
    frames.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Free stuff ${f}</title>
<style>body{display:flex;gap:4px;margin:4px}</style></head><body>${imgs.join('\n')}</body></html>`);
  }
  return frames;
}
const floodPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Free stuff</title>
<style>body{display:flex;flex-wrap:wrap;gap:4px;margin:8px} iframe{width:320px;height:112px;border:0}</style></head><body>
${Array.from({ length: FLOOD / PER_FRAME }, (_, f) => `<iframe src="/dos/flood/${f}.html"></iframe>`).join('\n')}
<script>/* QRs are read as they come near the viewport: the attacker scrolls through all of them, and again
from the top, as long as it is open (a QR that passed by during a slow frame is read on the next pass). */
let y = 0; setInterval(() => { y = y > document.body.scrollHeight ? 0 : y + 200; scrollTo(0, y); }, 100);</script></body></html>`;

beforeAll(async () => {
  const grey = encodePng(200, 200, new Uint8Array(200 * 200 * 4).fill(160));
  const bomb = bombPng(30000, 30000);
  // The image host: the page's <img> (Sec-Fetch-Dest: image) gets a grey square, anyone else the bomb.
  images = createServer((req, res) => {
    const forPage = req.headers['sec-fetch-dest'] === 'image';
    if (!forPage) bombFetches++;
    res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(forPage ? grey : bomb);
  });
  await new Promise<void>((done) => images.listen(0, '127.0.0.1', done));
  imagesPort = (images.address() as { port: number }).port;
  const flood = await floodFrames();
  const victimQr = (await qrPng(victimUri)).toString('base64');
  const bombedQr = (await qrPng(bombedUri)).toString('base64');
  const bombImg = () =>
    `<img alt="Banner" width="200" height="200" src="http://bomb-images.test:${imagesPort}/bomb.png">`;
  server = await serveFixtures(join(repoRoot, 'tests/fixtures/pages'), {
    '/dos/victim.html': () => setupPage(victim.issuer, victimQr).replace('KEY', keyGroups(victimUri)),
    '/dos/flood.html': () => floodPage,
    ...Object.fromEntries(flood.map((html, f) => [`/dos/flood/${f}.html`, () => html])),
    '/dos/bomb.html': () => setupPage(bombed.issuer, bombedQr, bombImg()).replace('KEY', keyGroups(bombedUri)),
    '/dos/jpeg.html': () => setupPage(jpegCase.issuer, '').replace('data:image/png;base64,', encoded.jpeg),
    '/dos/webp.html': () => setupPage(webpCase.issuer, '').replace('data:image/png;base64,', encoded.webp),
  });
  ext = await launchWithExtension();
  control = await openPopup(ext);
  await createVault(control);
  // Real encoders' headers: Chromium draws each QR on a canvas and encodes it.
  const reencode = (png: Buffer, type: string) =>
    control.evaluate(
      async ({ src, type }) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
        canvas.getContext('2d')!.drawImage(img, 0, 0);
        return canvas.toDataURL(type, 0.95);
      },
      { src: `data:image/png;base64,${png.toString('base64')}`, type },
    );
  encoded.jpeg = await reencode(await qrPng(totpUri(jpegCase.issuer, jpegCase.account, 'dos-jpeg')), 'image/jpeg');
  encoded.webp = await reencode(await qrPng(totpUri(webpCase.issuer, webpCase.account, 'dos-webp')), 'image/webp');
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  await new Promise<void>((done) => (images ? images.close(() => done()) : done()));
});

async function accounts(): Promise<AccountView[]> {
  return (await call<AccountList>(control, { type: 'accounts/list' })).accounts;
}

async function visit(host: string, path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(server.url(path, host));
  return page;
}

/** Overlays in the page and its frames. */
async function overlayCount(page: Page): Promise<number> {
  const counts = await Promise.all(
    page.frames().map((f) =>
      f
        .locator(OVERLAY)
        .count()
        .catch(() => 0),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}

async function overlays(page: Page, count: number, timeout = 20_000): Promise<void> {
  await expect
    .poll(() => overlayCount(page), { timeout, message: `${count} overlay(s)` })
    .toBeGreaterThanOrEqual(count);
  await page.waitForTimeout(500); // clicks in the first 400 ms after the overlay appears are ignored
}

/** A real click on the page's QR; then the account must be added for this page's origin and the field filled. */
async function clickAndExpectEnrolled(
  page: Page,
  host: string,
  issuer: string,
  account: string,
  uri: string,
): Promise<void> {
  await page.bringToFront();
  const box = (await page.locator('[data-test=qr]').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect
    .poll(async () => (await accounts()).filter((a) => a.issuer === issuer && a.account === account).length, {
      timeout: 10_000,
      message: `${issuer} added`,
    })
    .toBe(1);
  const added = (await accounts()).find((a) => a.issuer === issuer)!;
  expect(added.sites).toEqual([new URL(server.url('/', host)).origin]);
  await expect.poll(() => page.locator('input[name=code]').inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
  expect(plausibleCodes(uri)).toContain(await page.locator('input[name=code]').inputValue());
}

describe('denial of service against enrollment', () => {
  it(`(a) a page that shows ${FLOOD} QR codes does not evict the token of the QR the user clicks in another tab`, async () => {
    const page = await visit(victim.host, '/dos/victim.html');
    await overlays(page, 1);
    const attacker = await visit('attacker.test', '/dos/flood.html');
    // Every flood QR got its overlay: the background decoded it and issued a token for it.
    await overlays(attacker, FLOOD, 50_000);
    await clickAndExpectEnrolled(page, victim.host, victim.issuer, victim.account, victimUri);
    // The attack ran for real: none of its keys was added (nobody clicked them).
    expect((await accounts()).filter((a) => a.issuer.startsWith('Flood '))).toEqual([]);
    await attacker.close();
    await page.close();
  }, 90_000);

  it('(b) an image that declares 30000×30000 pixels is refused unread; the worker stays responsive and the real QR enrolls', async () => {
    const page = await visit(bombed.host, '/dos/bomb.html');
    await overlays(page, 1);
    // The extension did fetch the bomb (the page's own image is a grey square, not QR-like, so the
    // content script sent its URL for the background to fetch and decode).
    await expect.poll(() => bombFetches, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator(OVERLAY).count()).toBe(1); // on the real QR only
    const started = Date.now();
    expect(await call<VaultStatus>(control, { type: 'vault/status' })).toEqual({ state: 'unlocked' });
    expect(Date.now() - started).toBeLessThan(2000);
    await clickAndExpectEnrolled(page, bombed.host, bombed.issuer, bombed.account, bombedUri);
    await page.close();
  }, 60_000);

  it.each([
    ['JPEG', 'jpeg', jpegCase],
    ['WebP', 'webp', webpCase],
  ] as const)(
    '(c) control: a %s QR encoded by Chromium passes the header check and enrolls',
    async (_name, format, c) => {
      const bytes = Buffer.from(encoded[format].split(',')[1]!, 'base64');
      const side = await control.evaluate(
        async (src) => (await createImageBitmap(await (await fetch(src)).blob())).width,
        encoded[format],
      );
      expect(imageSize(new Uint8Array(bytes))).toEqual({ format, width: side, height: side });
      const page = await visit(c.host, `/dos/${format}.html`);
      await overlays(page, 1);
      await clickAndExpectEnrolled(page, c.host, c.issuer, c.account, totpUri(c.issuer, c.account, `dos-${format}`));
      await page.close();
    },
  );
});
