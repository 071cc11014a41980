/**
 * One more QR layout (issue 13), in real Chromium: django-two-factor's setup page shows
 * `<img src="/account/two_factor/qrcode/">`, a same-origin URL with no extension that answers
 * `image/svg+xml`, sized in millimetres (qrcode's SvgPathImage: 1 mm a module), with a transparent
 * background. And a PNG QR with dark modules only (transparent light modules and quiet zone).
 * Each: the overlay appears, one click adds the account bound to the site and fills the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import type { Page } from 'playwright-core';
import type { LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { call } from './popup-helpers';
import { clickQr, closeBed, launchWithVault, openPage, servePages, waitForOverlay } from './setup';
import { plausibleCodes, qrPng, totpUri } from './enroll-fixtures';
import type { AccountList } from '../../src/shared/protocol';

const DJANGO = {
  host: 'django-shop.test',
  issuer: 'Django Shop',
  account: 'ada@django.test',
  path: '/layouts/django-setup.html',
};
const CLEAR = {
  host: 'clear-pixels.test',
  issuer: 'Clear Pixels',
  account: 'bo@clear.test',
  path: '/layouts/transparent-png.html',
};
const uriOf = (c: typeof DJANGO) => totpUri(c.issuer, c.account, `layout-${c.host}`);

/** What qrcode's SvgPathImage (django-two-factor's image factory) writes: one path, units of 1 mm, no background. */
export function svgPathImage(text: string, border = 4): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const side = modules.size + 2 * border;
  let d = '';
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++)
      if (modules.get(y, x))
        d += `M ${x + border} ${y + border} L ${x + border + 1} ${y + border} L ${x + border + 1} ${y + border + 1} L ${x + border} ${y + border + 1} z `;
  }
  return `<?xml version='1.0' encoding='UTF-8'?>\n<svg xmlns:svg="http://www.w3.org/2000/svg" width="${side}mm" height="${side}mm" version="1.1" viewBox="0 0 ${side} ${side}" xmlns="http://www.w3.org/2000/svg"><path d="${d.trim()}" id="qr-path" fill="#000000" fill-opacity="1" fill-rule="nonzero" stroke="none" /></svg>`;
}

let server: FixtureServer;
let ext: LoadedExtension;
let control: Page;

beforeAll(async () => {
  const svg = svgPathImage(uriOf(DJANGO));
  const png = await qrPng(uriOf(CLEAR), { light: '#00000000' });
  server = await servePages({
    '/account/two_factor/qrcode/': () => ({
      status: 200,
      headers: { 'content-type': 'image/svg+xml', 'cache-control': 'no-cache, no-store' },
      body: svg,
    }),
    '/layouts/transparent-qr.png': () => ({ status: 200, headers: { 'content-type': 'image/png' }, body: png }),
  });
  ({ ext, popup: control } = await launchWithVault());
});

afterAll(() => closeBed(ext, server));

describe('more QR layouts', () => {
  it.each([
    ['django-two-factor: an extension-less same-origin URL answering image/svg+xml, in mm, transparent', DJANGO],
    ['a PNG with dark modules only on a transparent background', CLEAR],
  ])('%s: detected, added bound to the site, the field filled', async (_name, c) => {
    const page = await openPage(ext, server.url(c.path, c.host, 'https'));
    await waitForOverlay(page, 600);
    await clickQr(page);
    await expect.poll(() => page.locator('input[name=code]').inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    expect(plausibleCodes(uriOf(c))).toContain(await page.locator('input[name=code]').inputValue());
    const { accounts } = await call<AccountList>(control, { type: 'accounts/list' });
    expect(accounts.filter((a) => a.issuer === c.issuer).map((a) => [a.account, a.sites])).toEqual([
      [c.account, [new URL(server.url('/', c.host, 'https')).origin]],
    ]);
    await page.close();
  });
});
