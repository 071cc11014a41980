/**
 * The Firefox test bed: Debian's firefox-esr (FIREFOX_PATH overrides; nothing is downloaded) driven by
 * puppeteer-core over WebDriver BiDi, with the already-built dist/firefox installed as a temporary
 * add-on. Firefox differences the tests work around, each for a stated reason:
 *
 * - The moz-extension UUID is random per profile; `extensions.webextensions.uuids` pins it so the tests
 *   can open moz-extension://<uuid>/src/popup/index.html.
 * - WebDriver BiDi refuses to navigate to moz-extension: URLs unless the browser runs with
 *   `--remote-allow-system-access`; the navigation then completes in the extension process, which
 *   puppeteer's navigation tracking does not see, so `openExtensionPage` waits for the document itself.
 * - *.test names resolve to this machine through `network.dns.localDomains` (no --host-resolver-rules).
 * - A temporary add-on is removed when the browser closes; `keepStorageOnUninstall` keeps its
 *   storage (the encrypted vault) so relaunching on the same profile is a browser restart.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventually as retry, repoRoot } from '../harness';

export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const firefoxDist = resolve(repoRoot, process.env.E2E_FIREFOX_DIST ?? 'dist/firefox');
export const GECKO_ID = 'clickauth@clickauth';
export const UUID = '5c1c4a07-2a3e-4d6b-9a52-c1d0c1a0a7e5';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

export interface LoadedFirefox {
  browser: Browser;
  profileDir: string;
  /** Opens an extension page (path inside the build, e.g. 'src/popup/index.html') in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export function assertFirefoxBuilt(): void {
  if (!existsSync(join(firefoxDist, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${firefoxDist}: run \`npm run build\` first (npm test does).`);
  }
  if (!existsSync(firefoxPath)) {
    throw new Error(`No Firefox at ${firefoxPath}: install Debian's firefox-esr or set FIREFOX_PATH.`);
  }
}

/**
 * Launch Firefox with the extension; pass the profile of an earlier launch to simulate a restart.
 * `prefs`: more Firefox preferences for this browser only (e.g. a short event-page idle timeout).
 */
export async function launchFirefox(
  hosts: string[],
  profileDir?: string,
  prefs: Record<string, string | number | boolean> = {},
): Promise<LoadedFirefox> {
  assertFirefoxBuilt();
  const dir = profileDir ?? mkdtempSync(join(tmpdir(), 'clickauth-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    protocol: 'webDriverBiDi',
    headless: true,
    // The fixture server's https listener uses a self-signed test certificate (tests/fixtures/tls).
    acceptInsecureCerts: true,
    userDataDir: dir,
    args: ['--remote-allow-system-access'],
    protocolTimeout: 120_000,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      'network.dns.localDomains': hosts.join(','),
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      ...prefs,
    },
  });
  await browser.installExtension(firefoxDist);
  return {
    browser,
    profileDir: dir,
    openExtensionPage: (path) => openExtensionPage(browser, `${EXTENSION_ORIGIN}/${path}`),
    async close(options) {
      await browser.close();
      if (!options?.keepProfile) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openExtensionPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  // Not awaited: see the file comment (the navigation ends in a process puppeteer does not follow).
  page.goto(url, { timeout: 60_000 }).catch(() => undefined);
  await eventually(async () => {
    const ready = await page.evaluate(() => `${location.href}|${document.readyState}`);
    if (ready !== `${url}|complete`) throw new Error(`still at ${ready}`);
  }, 60_000);
  return page;
}

/** Retry `probe` until it returns without throwing: the Chromium harness's, with Firefox's longer defaults. */
export const eventually = <T>(probe: () => Promise<T>, timeoutMs = 15_000, stepMs = 150): Promise<T> =>
  retry(probe, timeoutMs, stepMs);

/** Send one protocol message from an extension page, return the reply's value or throw its code. */
export async function call<T>(page: Page, message: Record<string, unknown>): Promise<T> {
  const reply = (await page.evaluate((m) => chrome.runtime.sendMessage(m), message)) as
    { ok: true; value: T } | { ok: false; error: { code: string } };
  if (!reply.ok) throw new Error(`${String(message.type)} failed: ${reply.error.code}`);
  return reply.value;
}

export const PASSWORD = 'correct horse battery staple';

/** A new profile's popup: create the vault through the first-run form, wait until it is unlocked. */
export async function createVault(popup: Page, password = PASSWORD): Promise<void> {
  const [first, repeat] = await popup.$$('form[aria-labelledby=setup-title] input[type=password]');
  await first!.type(password);
  await repeat!.type(password);
  await popup.evaluate(() =>
    [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Create vault')!.click(),
  );
  await retry(
    async () => {
      if ((await call<{ state: string }>(popup, { type: 'vault/status' })).state !== 'unlocked')
        throw new Error('locked');
    },
    60_000,
    150,
  );
}

/**
 * The event page as an extension page (`page`) sees it, without waking it (`extension.getViews` only
 * lists what is loaded): not loaded, the instance `markEventPage` marked with `mark`, or another one.
 */
export const eventPage = (page: Page, mark: string): Promise<'unloaded' | 'marked' | 'other'> =>
  page.evaluate((m) => {
    const bg = chrome.extension.getViews().find((w) => w.location.pathname === '/_generated_background_page.html');
    if (!bg) return 'unloaded';
    return (bg as Window & { clickauthTestMark?: string }).clickauthTestMark === m ? 'marked' : 'other';
  }, mark);

/** Marks the loaded event page's window with `mark` (in its memory only); false when none is loaded. */
export const markEventPage = (page: Page, mark: string): Promise<boolean> =>
  page.evaluate((m) => {
    const bg = chrome.extension.getViews().find((w) => w.location.pathname === '/_generated_background_page.html');
    if (bg) (bg as Window & { clickauthTestMark?: string }).clickauthTestMark = m;
    return bg !== undefined;
  }, mark);
