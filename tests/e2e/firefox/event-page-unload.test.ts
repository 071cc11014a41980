/**
 * Firefox unloads an idle event page (the pref `extensions.background.idle.timeout`, 30 s by default;
 * short here, for this file's browser only). A field the user filled by a pick is still kept current
 * at the rollover by the event page Firefox loads again for the refresh: the refresh grant is in
 * session storage (src/background/fill/saved-map.ts), not in the unloaded page's memory. Chromium's
 * counterpart stops the service worker (tests/e2e/fill-choice.test.ts, "across a service-worker restart").
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { FixtureServer } from '../server';
import { closeBed, servePages } from '../setup';
import { call, createVault, eventPage, eventually, launchFirefox, markEventPage, type LoadedFirefox } from './harness';
import { addAccountsOn, clickForPick } from './pick-helpers';
import { codeAt } from '../../../src/core/otp';
import { parseOtpauthUri } from '../../../src/core/otpauth-uri';

const SITE = 'unload-mail.test';
const URIS = [
  'otpauth://totp/Unload%20Mail:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Unload%20Mail',
  'otpauth://totp/Unload%20Mail:work?secret=KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ&issuer=Unload%20Mail',
];
/** The event page's idle timeout: unloaded within seconds, not the default 30 s. */
const IDLE_MS = 3000;
const PERIOD_MS = 30_000;
/**
 * How long before a rollover the user clicks our button at least: the pick (~3 s: the click waits out
 * the anti-clickjacking delay) and the unload (IDLE_MS, and Firefox's next look after it) fit before it.
 */
const LEAD_MS = 12_000;

let server: FixtureServer;
let firefox: LoadedFirefox;
let popup: Page;
const ids: string[] = [];

const origin = (host: string) => new URL(server.url('/', host, 'https')).origin;

beforeAll(async () => {
  server = await servePages();
  firefox = await launchFirefox([SITE], undefined, { 'extensions.background.idle.timeout': IDLE_MS });
  popup = await firefox.openExtensionPage('src/popup/index.html');
  await createVault(popup);
  // Two accounts on the site: the field gets our button, and a code only by a pick.
  ids.push(...(await addAccountsOn(popup, URIS, origin(SITE))));
}, 240_000);

afterAll(() => closeBed(firefox, server));

const sleep = (ms: number) => new Promise((done) => setTimeout(done, Math.max(0, ms)));

it('a picked field is kept current after Firefox unloads the idle event page: the page loaded again for the refresh gives the new code', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(server.url('/login/one-time-code.html', SITE, 'https'));
  const field = () => page.$eval('#c', (el) => (el as HTMLInputElement).value);
  await page.waitForSelector('clickauth-fill', { visible: true, timeout: 15_000 });
  // At least LEAD_MS before the rollover the user clicks: time for the pick and the unload first.
  const left = PERIOD_MS - (Date.now() % PERIOD_MS);
  if (left < LEAD_MS) await sleep(left);
  const rollover = (Math.floor(Date.now() / PERIOD_MS) + 1) * PERIOD_MS;
  const pick = await clickForPick(popup, page, page);
  expect(await call(popup, { type: 'fill/pick', pickId: pick.id, id: ids[1], always: false })).toEqual({
    filled: true,
  });
  // The event page that gave the code (and the refresh grant with it) is marked, in its memory only.
  const mark = crypto.randomUUID();
  expect(await markEventPage(popup, mark)).toBe(true);
  const account = parseOtpauthUri(URIS[1]!);
  const before = codeAt(account, rollover - 1);
  expect(await field()).toBe(before);
  // Nothing more happens: Firefox unloads the idle event page (no extension page lists it any more),
  // before the rollover; until just before it nothing loads the event page again.
  await eventually(
    async () => {
      const state = await eventPage(popup, mark);
      if (state !== 'unloaded') throw new Error(`event page still ${state}`);
    },
    rollover - 1000 - Date.now(),
  );
  await sleep(rollover - 300 - Date.now());
  expect(await eventPage(popup, mark)).toBe('unloaded');
  expect(await field()).toBe(before);
  // Past the rollover: the field's refresh loaded a new event page (not the marked one), which found
  // the refresh grant in session storage and gave the new step's code (the build before kept the
  // grant in the unloaded page's memory only: the field kept the expired code).
  const after = codeAt(account, rollover);
  expect(after).not.toBe(before);
  await sleep(rollover - Date.now());
  await eventually(async () => {
    const value = await field();
    if (value !== after) throw new Error(`field holds ${value}, not the new step's ${after}`);
  }, 5000);
  // Looked at at once, before this page's own idle timeout ends it too.
  expect(await eventPage(popup, mark)).toBe('other');
  await page.close();
}, 120_000);
