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
 *  (d) CPU: a setup page with 40 small images whose server answers the extension's fetch (told apart
 *      by Accept) with a 4096×4096 two-tone non-QR PNG, and one with an endless body; the mouse sweeps
 *      over them (each pointer enter reads one). Each declares over the 4 MP a page may offer, so each
 *      is refused from its header, never decoded (on the old build each held the worker ~1 s, back to
 *      back: popup messages waited seconds). The popup's messages answer within 1.5 s throughout
 *      (headroom for a loaded 2-core machine), and the page's own QR, a realistic ~530×530 PNG,
 *      enrolls with one click.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import type { LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { call } from './popup-helpers';
import { clickQr, launchWithVault, openPage, OVERLAY, overlayCount, servePages } from './setup';
import { encodePng, keyGroups, plausibleCodes, qrPng, qrPngSide, totpUri } from './enroll-fixtures';
import { bombPng } from '../unit/qr/image-headers';
import { imageSize } from '../../src/core/qr';
import type { AccountList, AccountView, VaultStatus } from '../../src/shared/protocol';

const FLOOD = 300;

// Each host spells its issuer, so the key is bound to the page's site (src/core/site/issuer.ts).
const victim = { host: 'evicted-bank.test', issuer: 'Evicted Bank', account: 'wendy@evicted-bank.test' };
const bombed = { host: 'bombed.test', issuer: 'Bombed Mail', account: 'xavier@bombed.test' };
const jpegCase = { host: 'jpeg-photo-co.test', issuer: 'Jpeg Photo Co', account: 'yara@jpeg-photo-co.test' };
const webpCase = { host: 'webp-media-co.test', issuer: 'Webp Media Co', account: 'zoe@webp-media-co.test' };
const victimUri = totpUri(victim.issuer, victim.account, 'dos-victim');
const bombedUri = totpUri(bombed.issuer, bombed.account, 'dos-bombed');
const swept = { host: 'swept-shop.test', issuer: 'Swept Shop', account: 'yusuf@swept-shop.test' };
const sweptUri = totpUri(swept.issuer, swept.account, 'dos-swept');
const SWEPT = 40;
/** Extension fetches of the huge non-QR image, and of the endless body. */
const sweepFetches = { huge: 0, endless: 0 };
/** The most the popup's message may wait while the sweep runs: headroom for a loaded 2-core CI machine. */
const MAX_LATENCY_MS = 1500;

/** A side×side two-tone PNG of random 4-px blocks: no QR, and as costly to search as it gets. */
function twoTonePng(side: number): Buffer {
  let state = 7;
  const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const cells = side / 4;
  const rgba = new Uint8Array(side * side * 4);
  for (let cy = 0; cy < cells; cy++) {
    const row = Array.from({ length: cells }, () => (random() < 0.5 ? 0 : 255));
    for (let y = cy * 4; y < cy * 4 + 4; y++)
      for (let x = 0; x < side; x++) rgba.fill(row[x >> 2]!, (y * side + x) * 4, (y * side + x) * 4 + 3);
  }
  for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255;
  return encodePng(side, side, rgba);
}

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
  const huge = twoTonePng(4096);
  const sweptQr = await qrPng(sweptUri, { scale: 10 });
  expect(qrPngSide(sweptUri, 4, 10)).toBeLessThanOrEqual(600);
  // The image host: the page's <img> (Sec-Fetch-Dest: image) gets a grey square, anyone else the bomb.
  images = createServer((req, res) => {
    const forPage = req.headers['sec-fetch-dest'] === 'image';
    const png = { 'content-type': 'image/png', 'cache-control': 'no-store' };
    if (req.url === '/swept-qr.png') return void res.writeHead(200, png).end(sweptQr);
    if (req.url?.startsWith('/sweep/')) {
      // The page's <img> asks for images (Accept: image/avif,…); the extension's fetch for anything (*/*).
      if (String(req.headers.accept).startsWith('image/')) return void res.writeHead(200, png).end(grey);
      if (req.url === '/sweep/endless.png') {
        sweepFetches.endless++;
        res.writeHead(200, png).write(huge.subarray(0, 64));
        const drip = setInterval(() => res.write(Buffer.alloc(64 * 1024)), 10);
        res.on('close', () => clearInterval(drip));
        return;
      }
      sweepFetches.huge++;
      return void res.writeHead(200, png).end(huge);
    }
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
  server = await servePages({
    '/dos/victim.html': () => setupPage(victim.issuer, victimQr).replace('KEY', keyGroups(victimUri)),
    '/dos/flood.html': () => floodPage,
    ...Object.fromEntries(flood.map((html, f) => [`/dos/flood/${f}.html`, () => html])),
    '/dos/bomb.html': () => setupPage(bombed.issuer, bombedQr, bombImg()).replace('KEY', keyGroups(bombedUri)),
    '/dos/sweep.html': () =>
      setupPage(
        swept.issuer,
        '',
        `<div id="grid" style="display:flex;flex-wrap:wrap;gap:2px;width:560px">${Array.from(
          { length: SWEPT + 1 },
          (_, i) =>
            `<img alt="" width="52" height="52" src="http://bomb-images.test:${imagesPort}/sweep/${i === SWEPT ? 'endless' : i}.png">`,
        ).join('')}</div>`,
      )
        .replace('KEY', keyGroups(sweptUri))
        .replace('data:image/png;base64,', `http://bomb-images.test:${imagesPort}/swept-qr.png`),
    '/dos/jpeg.html': () => setupPage(jpegCase.issuer, '').replace('data:image/png;base64,', encoded.jpeg),
    '/dos/webp.html': () => setupPage(webpCase.issuer, '').replace('data:image/png;base64,', encoded.webp),
  });
  ({ ext, popup: control } = await launchWithVault());
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

const visit = (host: string, path: string) => openPage(ext, server.url(path, host));

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
  await clickQr(page);
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

  it('(d) a page that offers the worker 40 huge non-QR images as the mouse sweeps: the popup still answers within 1.5 s, and the page’s real QR enrolls', async () => {
    const page = await visit(swept.host, '/dos/sweep.html');
    await overlays(page, 1); // the setup QR, read on the page's own allowance (the biggest square first)
    await page.bringToFront();
    const grid = (await page.locator('#grid').boundingBox())!;
    let sweeping = true;
    const sweep = (async () => {
      for (let pass = 0; sweeping && pass < 6; pass++) {
        for (let y = grid.y + 4; y < grid.y + grid.height; y += 27)
          await page.mouse.move(pass % 2 ? grid.x + 2 : grid.x + grid.width - 2, y, { steps: 24 });
      }
    })();
    const latencies: number[] = [];
    const started = Date.now();
    while (Date.now() - started < 12_000) {
      const t = Date.now();
      await call<AccountList>(control, { type: 'accounts/list' });
      latencies.push(Date.now() - t);
      await control.waitForTimeout(150);
    }
    sweeping = false;
    await sweep;
    // The attack ran: the extension fetched the huge image for many of the swept images, and the endless one.
    console.log(`(d) fetches ${JSON.stringify(sweepFetches)}; latencies ${latencies.join(' ')}`);
    expect(sweepFetches.huge).toBeGreaterThanOrEqual(8);
    expect(Math.max(...latencies), `popup message latencies (ms): ${latencies.join(' ')}`).toBeLessThan(MAX_LATENCY_MS);
    await clickAndExpectEnrolled(page, swept.host, swept.issuer, swept.account, sweptUri);
    await page.close();
  }, 90_000);

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
