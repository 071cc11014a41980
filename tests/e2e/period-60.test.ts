/**
 * A 60-second account end to end (issue 13), in real Chromium: enrolled by a click on a setup page
 * whose QR says period=60, its countdown in the popup runs in 60-s cycles (the code does not change
 * at the half minute), and the code filled at login is the 60-s one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { openPopup } from './popup-helpers';
import { clickQr, closeBed, openBed, openPage, waitForOverlay } from './setup';
import { qrPng, totpUri } from './enroll-fixtures';
import { parseOtpauthUri } from '../../src/core/otpauth-uri';
import { codeAt } from '../../src/core/otp';

const HOST = 'minute-bank.test';
const URI = totpUri('Minute Bank', 'mia@minute.test', 'period-60').replace('period=30', 'period=60');
const account = parseOtpauthUri(URI);
const thirty = { ...account, period: 30 };

let server: FixtureServer;
let ext: LoadedExtension;

beforeAll(async () => {
  expect(account.period).toBe(60);
  const png = (await qrPng(URI)).toString('base64');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Set up two-step verification</title></head><body>
<h1>Scan this code with your authenticator app</h1><p>Codes change every 60 seconds.</p>
<form action="/done" method="post"><img data-test="qr" alt="QR code" src="data:image/png;base64,${png}">
<p><label for="code">Enter the 6-digit code</label> <input id="code" name="code" autocomplete="off" inputmode="numeric" maxlength="6"></p>
<button>Verify</button></form></body></html>`;
  let popup: Page;
  ({ server, ext, popup } = await openBed({ '/setup/minute.html': () => html }));
  await popup.close();
}, 60_000);

afterAll(() => closeBed(ext, server));

/** The 60-s (or 30-s) codes that may be in a field around now (a fill may refresh at rollover). */
const around = (params = account) => [-1500, 0, 1500].map((d) => codeAt(params, Date.now() + d));
/** Seconds into the current 60-s step. */
const phase = () => Math.floor(Date.now() / 1000) % 60;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function rowOf(popup: Page) {
  const row = popup.getByTestId('account').filter({ hasText: 'Minute Bank' });
  await row.waitFor({ timeout: 10_000 });
  // The row shows '··· ···' until its code has come back from the background.
  await row.getByTestId('code').filter({ hasText: /\d/ }).waitFor({ timeout: 10_000 });
  const code = (await row.getByTestId('code').innerText()).replace(/\s/g, '');
  // The countdown ring: the seconds left as its text, and an arc whose dash offset is the part of the period gone.
  const ring = row.getByTestId('countdown');
  const left = Number((await ring.innerText()).trim());
  const arc = ring.locator('circle.arc');
  const length = Number(await arc.getAttribute('stroke-dasharray'));
  const offset = Number(await arc.getAttribute('stroke-dashoffset'));
  return { code, left, fraction: 1 - offset / length };
}

describe('a 60-second account', () => {
  it('enrolls from its QR, counts down in 60-s cycles in the popup, and fills the 60-s code at login', async () => {
    const setup = await openPage(ext, server.url('/setup/minute.html', HOST, 'https'));
    await waitForOverlay(setup, 600);
    await clickQr(setup);
    await expect.poll(() => setup.locator('#code').inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    expect(around()).toContain(await setup.locator('#code').inputValue());
    await setup.close();

    // Fill at login on the account's site: the 60-s code, not the 30-s code of the same key.
    const login = await ext.context.newPage();
    await login.goto(server.url('/login/one-time-code.html', HOST, 'https'));
    await expect.poll(() => login.locator('#c').inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    const filled = await login.locator('#c').inputValue();
    expect(around()).toContain(filled);
    expect(around(thirty)).not.toContain(filled);
    await login.close();

    // The popup: start early in a 60-s step, then look again past its half minute.
    while (phase() < 1 || phase() >= 25) await sleep(500);
    const popup = await openPopup(ext);
    const early = await rowOf(popup);
    expect(around()).toContain(early.code);
    const startPhase = phase();
    // The ring shows the seconds left of 60 s (a 30-s account would show 30 - phase, at most 30),
    // and its arc is that part of 60 s (a 30-s account would show (30 - phase) / 30).
    expect(Math.abs(early.left - (60 - startPhase))).toBeLessThanOrEqual(2);
    expect(early.left).toBeGreaterThan(30);
    expect(Math.abs(early.fraction * 60 - (60 - startPhase))).toBeLessThanOrEqual(2);
    while (phase() < 33) await sleep(500);
    await sleep(300); // one popup tick
    const late = await rowOf(popup);
    expect(late.code).toBe(early.code); // no change at the half minute
    expect(late.fraction).toBeLessThan(0.5);
    expect(Math.abs(late.left - (60 - phase()))).toBeLessThanOrEqual(2);
    expect(Math.abs(late.fraction * 60 - (60 - phase()))).toBeLessThanOrEqual(2);
    await popup.close();
  }, 120_000);
});
