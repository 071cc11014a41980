/**
 * The setup page's confirmation field, filled after a click on the QR, is refreshed when its code
 * rolls over, until the user types in it (issue 13). A 60-second account works the same way.
 * Real Chromium, real clicks and keys; each page is its own setup site with its own key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { clickQr, closeBed, openBed, openPage, waitForOverlay } from './setup';
import { qrPng, totpUri } from './enroll-fixtures';
import { parseOtpauthUri } from '../../src/core/otpauth-uri';
import { codeAt } from '../../src/core/otp';

const FIELD = 'input[name=code]';
const SITES = {
  refreshed: {
    host: 'rollover-bank.test',
    issuer: 'Rollover Bank',
    uri: totpUri('Rollover Bank', 'ann@rollover.test', 'rollover-a'),
  },
  typed: {
    host: 'typing-bank.test',
    issuer: 'Typing Bank',
    uri: totpUri('Typing Bank', 'ben@typing.test', 'rollover-b'),
  },
};
type Site = keyof typeof SITES;

let server: FixtureServer;
let ext: LoadedExtension;

async function setupPage(uri: string): Promise<string> {
  const png = (await qrPng(uri)).toString('base64');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Set up two-step verification</title></head><body>
<h1>Scan this code with your authenticator app</h1>
<form action="/done" method="post"><img data-test="qr" alt="QR code" src="data:image/png;base64,${png}">
<p><label for="code">Enter the 6-digit code</label> <input id="code" name="code" autocomplete="off" inputmode="numeric" maxlength="6"></p>
<button>Verify</button></form></body></html>`;
}

beforeAll(async () => {
  const routes: Record<string, () => string> = {};
  for (const [name, site] of Object.entries(SITES)) {
    const html = await setupPage(site.uri);
    routes[`/setup/${name}.html`] = () => html;
  }
  let popup: Page;
  ({ server, ext, popup } = await openBed(routes));
  await popup.close();
}, 60_000);

afterAll(() => closeBed(ext, server));

const codeNow = (name: Site, at = Date.now()) => codeAt(parseOtpauthUri(SITES[name].uri), at);
/** When the current 30-s code ends. */
const periodEnd = (now = Date.now()) => (Math.floor(now / 30_000) + 1) * 30_000;

async function enroll(name: Site): Promise<Page> {
  const page = await openPage(ext, server.url(`/setup/${name}.html`, SITES[name].host, 'https'));
  await waitForOverlay(page, 600);
  await clickQr(page);
  await expect.poll(() => page.locator(FIELD).inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
  return page;
}

describe('setup page rollover', () => {
  it('the confirmation field gets the new code at rollover; a field the user typed in is left alone', async () => {
    // Start early in a period, so that both fills happen before the rollover we wait for.
    if (periodEnd() - Date.now() < 12_000)
      await new Promise((done) => setTimeout(done, periodEnd() - Date.now() + 200));
    const refreshed = await enroll('refreshed');
    const typed = await enroll('typed');
    const end = periodEnd();
    expect(await refreshed.locator(FIELD).inputValue()).toBe(codeNow('refreshed', end - 1000));
    // The user edits the second field: one real key press (Backspace) takes it over.
    await typed.locator(FIELD).focus();
    await typed.keyboard.press('End');
    await typed.keyboard.press('Backspace');
    const mine = await typed.locator(FIELD).inputValue();
    expect(mine).toMatch(/^\d{5}$/);

    await new Promise((done) => setTimeout(done, end - Date.now() + 2500));
    expect(await refreshed.locator(FIELD).inputValue()).toBe(codeNow('refreshed'));
    expect(codeNow('refreshed')).not.toBe(codeNow('refreshed', end - 1000));
    expect(await typed.locator(FIELD).inputValue()).toBe(mine);
  }, 90_000);
});
