/**
 * Other apps' encrypted exports in real Chromium: the options page loads the decrypting chunk on
 * demand (MV3 extension page CSP), asks for the password before anything reaches the background,
 * opens Ente Auth (Argon2id + secretstream), Bitwarden (PBKDF2) and Authenticator v3 samples, and
 * tells the user an account-restricted Bitwarden export cannot be read outside Bitwarden.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { LoadedExtension } from './harness';
import { call } from './popup-helpers';
import { launchWithVault } from './setup';

const FIXTURES = join(import.meta.dirname, '../fixtures/imports');

let ext: LoadedExtension;
let popup: Page;
let options: Page;

beforeAll(async () => {
  ({ ext, popup } = await launchWithVault());
  options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
  await options.getByRole('heading', { name: 'Import accounts' }).waitFor();
});

afterAll(async () => {
  await ext?.close();
});

const issuers = async () =>
  (await call<{ accounts: { issuer: string }[] }>(popup, { type: 'accounts/list' })).accounts
    .map((a) => a.issuer)
    .sort();

async function open(file: string, password: string) {
  await options.locator('[data-testid=import-file]').setInputFiles(join(FIXTURES, file));
  const form = options.locator('[data-testid=import-password]');
  await form.waitFor();
  await form.locator('input[type=password]').fill(password);
  await form.getByRole('button', { name: 'Open file' }).click();
}

describe('encrypted exports of other apps (options page, real background)', () => {
  it('Ente Auth: a wrong password says so; the right one previews and imports the three accounts', async () => {
    await open('ente-auth-encrypted.txt', 'not-the-password');
    await options.getByText('That password does not open this file.').waitFor({ timeout: 30_000 });
    expect(await issuers()).toEqual([]);
    await options.locator('[data-testid=import-password] input[type=password]').fill('ente-sample-password');
    await options.locator('[data-testid=import-password]').getByRole('button', { name: 'Open file' }).click();
    await options.locator('[data-testid=import-preview]').waitFor({ timeout: 30_000 });
    expect(await options.locator('[data-testid=preview-add] li').allTextContents()).toEqual([
      'Ente Sample: alice@example.com',
      'GitHub: bob',
      'Counter: carol',
    ]);
    await options.getByRole('button', { name: 'Import 3 accounts' }).click();
    await options.getByText('Imported 3 accounts.').waitFor();
    expect(await issuers()).toEqual(['Counter', 'Ente Sample', 'GitHub']);
  });

  it('Bitwarden password-protected (PBKDF2) and Authenticator v3 open the same way (repeats of the Ente secrets are shown as duplicates)', async () => {
    const duplicates = () => options.locator('[data-testid=preview-duplicates] li').allTextContents();
    await open('bitwarden-encrypted-pbkdf2.json', 'bitwarden-sample-password');
    await options.locator('[data-testid=import-preview]').waitFor({ timeout: 30_000 });
    expect(await options.locator('[data-testid=preview-add] li').allTextContents()).toEqual([
      'Steam: carol · fills codes on store.steampowered.com',
    ]);
    expect((await duplicates()).map((d) => d.split(' — ')[0])).toEqual([
      'Bitwarden Sample: alice@example.com',
      'GitLab: bob',
    ]);
    await options.getByRole('button', { name: 'Import 1 account' }).click();
    await options.getByText('Imported 1 account.').waitFor();
    expect(await issuers()).toEqual(['Counter', 'Ente Sample', 'GitHub', 'Steam']);
    await open('authenticator-ext-v3.json', 'authenticator-sample-password');
    await options.locator('[data-testid=import-preview]').waitFor({ timeout: 30_000 });
    expect((await duplicates()).map((d) => d.split(' — ')[0])).toEqual([
      'Authenticator Sample: alice@example.com',
      'GitHub: bob',
      'Counter: carol',
    ]);
  });

  it('an account-restricted Bitwarden export: a clear message, no password asked, nothing added', async () => {
    const before = await issuers();
    await options
      .locator('[data-testid=import-file]')
      .setInputFiles(join(FIXTURES, 'bitwarden-account-restricted.json'));
    await options.getByText('cannot be read outside Bitwarden', { exact: false }).waitFor();
    expect(await options.locator('[data-testid=import-password]').count()).toBe(0);
    expect(await issuers()).toEqual(before);
  });

  it("Ente Auth at a real export's cost (Argon2id, 512 MiB × 4 passes here): the page stays responsive and shows the progress; Cancel stops it, nothing is added", async () => {
    const sample = JSON.parse(readFileSync(join(FIXTURES, 'ente-auth-encrypted.txt'), 'utf8')) as {
      kdfParams: Record<string, unknown>;
    };
    const costly = { ...sample, kdfParams: { ...sample.kdfParams, memLimit: 512 * 2 ** 20, opsLimit: 4 } };
    const before = await issuers();
    await options.locator('[data-testid=import-file]').setInputFiles({
      name: 'ente-auth-codes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(JSON.stringify(costly)),
    });
    const form = options.locator('[data-testid=import-password]');
    await form.locator('input[type=password]').fill('ente-sample-password');
    await form.getByRole('button', { name: 'Open file' }).click();
    const progress = options.locator('[data-testid=import-opening] progress');
    const done = () => progress.evaluate((el) => (el as HTMLProgressElement).value);
    await expect.poll(done, { timeout: 20_000 }).toBeGreaterThan(0.01);
    const first = await done();
    await expect.poll(done, { timeout: 20_000 }).toBeGreaterThan(first);
    // The page answers meanwhile: the derivation runs in a worker. In the page itself, @noble/hashes
    // yields with scheduler.yield(), whose continuations ran ahead of everything else: the page (its
    // progress, its Cancel) froze for the whole derivation (~17 s here, ~40 s for a real Ente export).
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      await options.evaluate(() => document.title);
      expect(Date.now() - t0).toBeLessThan(1000);
    }
    expect(await options.locator('[data-testid=import-opening]').textContent()).toMatch(/^Opening the file: \d+ %/);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => options.locator('[data-testid=import-password]').count(), { timeout: 3000 }).toBe(0);
    expect(await options.locator('[data-testid=import-preview]').count()).toBe(0);
    expect(await options.locator('section[aria-labelledby=import-title] [role=alert]').count()).toBe(0);
    expect(await issuers()).toEqual(before);
  });
});
