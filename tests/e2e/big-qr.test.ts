/**
 * Big setup QRs still enroll with one click: the background refuses a page's image that declares over
 * 4 MP (a decode flood's images, core/qr/image-size.ts), so what the content script draws itself is
 * drawn at 1 MP at most (content/enroll/draw-source.ts). Each case here was over 4 MP as drawn before:
 * an inline SVG shown 600 px wide (drawn at 4×: 2400 px), a canvas of 2100 px shown at 700 px, a
 * same-origin PNG of 2100 px. A cross-origin PNG of 2000 px (4 MP, the most a page may offer) is
 * fetched by the background and read at 1 MP by the browser's own resize (createImageBitmap).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import type { LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { call } from './popup-helpers';
import { clickQr, closeBed, launchWithVault, servePages, waitForOverlay } from './setup';
import { qrMatrix, qrSvgInline, totpUri } from './enroll-fixtures';
import type { Page } from 'playwright-core';
import type { AccountList } from '../../src/shared/protocol';

const ISSUER = 'Big Qr Works';
const HOST = 'big-qr-works.test';
const uri = (name: string) => totpUri(ISSUER, `${name}@big.test`, `big-${name}`);
const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${ISSUER} · Two-factor</title></head><body>
<h1>Set up two-factor authentication</h1><p>Scan this QR code with your authenticator app.</p>${body}
<label for="c">Enter the 6-digit code</label><input id="c" name="code" inputmode="numeric" maxlength="6"></body></html>`;

let server: FixtureServer;
let ext: LoadedExtension;
let control: Page;

beforeAll(async () => {
  const svg = (await qrSvgInline(uri('svg'), 600)).replace('<svg ', '<svg style="width:600px;height:600px" ');
  const png = await QRCode.toBuffer(uri('png'), { width: 2100, margin: 4 });
  const cross = await QRCode.toBuffer(uri('cross'), { width: 2000, margin: 4 });
  server = await servePages({
    '/big/svg.html': () => page(svg),
    '/big/canvas.html': () =>
      page(`<canvas data-test="qr" id="qr" width="2100" height="2100" style="width:700px;height:700px"></canvas>
<script src="/enroll/draw-matrix.js"></script>
<script>requestAnimationFrame(() => drawMatrix(document.getElementById('qr'), ${JSON.stringify(qrMatrix(uri('canvas')))}));</script>`),
    '/big/png.html': () => page(`<img data-test="qr" src="/big/qr.png" width="700" height="700" alt="QR code">`),
    '/big/qr.png': () => ({ status: 200, headers: { 'content-type': 'image/png' }, body: png }),
    '/big/cross.html': () =>
      page(
        `<img data-test="qr" src="${server.url('/big/qr-x.png', 'big-qr-cdn.test', 'https')}" width="700" height="700" alt="QR code">`,
      ),
    '/big/qr-x.png': () => ({ status: 200, headers: { 'content-type': 'image/png' }, body: cross }),
  });
  ({ ext, popup: control } = await launchWithVault());
});

afterAll(() => closeBed(ext, server));

const names = async () => (await call<AccountList>(control, { type: 'accounts/list' })).accounts.map((a) => a.account);

describe('big setup QRs (over 4 MP as drawn before) enroll with one click', () => {
  it.each(['svg', 'canvas', 'png', 'cross'])('%s', async (kind) => {
    const tab = await ext.context.newPage();
    await tab.setViewportSize({ width: 1000, height: 1000 });
    await tab.goto(server.url(`/big/${kind}.html`, HOST, 'https'));
    await waitForOverlay(tab, 800); // the clickjacking guard's clock
    await clickQr(tab);
    await expect.poll(names, { timeout: 10_000 }).toContain(`${kind}@big.test`);
    await expect.poll(() => tab.locator('#c').inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    await tab.close();
  });
});
