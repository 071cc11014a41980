import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchWithExtension, repoRoot, type LoadedExtension } from '../e2e/harness';
import { serveFixtures, type FixtureServer } from '../e2e/server';
import { call, createVault, openPopup } from '../e2e/popup-helpers';
import { fmt } from './stats';

// Field inserted into the page → filled by the extension, measured in the page on one clock.
const RUNS = 20;
let server: FixtureServer;
let ext: LoadedExtension;

beforeAll(async () => {
  server = await serveFixtures(join(repoRoot, 'tests/fixtures/pages'));
  ext = await launchWithExtension();
  const popup = await openPopup(ext);
  await createVault(popup);
  await call(popup, {
    type: 'accounts/add-uri',
    uri: 'otpauth://totp/Mail:alice?secret=JBSWY3DPEHPK3PXP&issuer=Mail',
    sites: [new URL(server.url('/', 'mailmachine.test', 'https')).origin], // filling with no click needs https
  });
  await popup.close();
}, 120_000);

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

it('autofill: field inserted → filled', async () => {
  const page = await ext.context.newPage();
  await page.goto(server.url('/basic.html', 'mailmachine.test', 'https'));
  await page.waitForTimeout(500);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ms = await page.evaluate(
      (n) =>
        new Promise<number>((done, fail) => {
          const form = document.createElement('form');
          form.innerHTML = `<label for="otp${n}">Verification code</label><input id="otp${n}" autocomplete="one-time-code" inputmode="numeric">`;
          const input = form.querySelector('input')!;
          document.body.append(form);
          const start = performance.now();
          // Poll each frame: a listener on the field would be one more thing the page does differently.
          const check = () => {
            if (input.value) done(performance.now() - start);
            else if (performance.now() - start > 5000) fail(new Error(`not filled in 5 s (run ${n})`));
            else setTimeout(check, 1);
          };
          check();
        }).finally(() => document.querySelector('form')?.remove()),
      i,
    );
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  const median = (times[RUNS / 2 - 1]! + times[RUNS / 2]!) / 2;
  console.log(
    `\nautofill benchmark (Chromium, ${RUNS} insertions): field inserted → filled, median ${fmt(median)} (min ${fmt(times[0]!)}, max ${fmt(times.at(-1)!)})\n`,
  );
  expect(median).toBeGreaterThan(0);
}, 120_000);

// The first fill on a page: the writing is in the page UI script (loaded on demand, asked for alongside
// the code), so a fresh page per run measures what that load adds.
it('autofill: field inserted → filled, first fill on a fresh page', async () => {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await ext.context.newPage();
    await page.goto(server.url('/basic.html', 'mailmachine.test', 'https'));
    await page.waitForTimeout(500);
    times.push(
      await page.evaluate(
        () =>
          new Promise<number>((done, fail) => {
            const form = document.createElement('form');
            form.innerHTML =
              '<label for="otp">Verification code</label><input id="otp" autocomplete="one-time-code" inputmode="numeric">';
            const input = form.querySelector('input')!;
            document.body.append(form);
            const start = performance.now();
            const check = () => {
              if (input.value) done(performance.now() - start);
              else if (performance.now() - start > 5000) fail(new Error('not filled in 5 s'));
              else setTimeout(check, 1);
            };
            check();
          }),
      ),
    );
    await page.close();
  }
  times.sort((a, b) => a - b);
  const median = (times[RUNS / 2 - 1]! + times[RUNS / 2]!) / 2;
  console.log(
    `\nautofill benchmark (Chromium, ${RUNS} fresh pages): field inserted → filled (first fill), median ${fmt(median)} (min ${fmt(times[0]!)}, max ${fmt(times.at(-1)!)})\n`,
  );
  expect(median).toBeGreaterThan(0);
}, 180_000);
