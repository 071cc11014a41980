/* global document, location */
// Launch Chromium or Firefox with the built extension in a fresh profile, through puppeteer-core
// (the browsers installed on this machine; CHROME_PATH / FIREFOX_PATH override; nothing is downloaded).
// Returns the browser and a way to open the extension's pages (the popup as a tab).
import { DEMO_HOST } from './provider.mjs';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

export const GECKO_ID = 'clickauth@clickauth';
const FIREFOX_UUID = '5c1c4a07-2a3e-4d6b-9a52-c1d0c1a0a7e5';

export function browserPath(kind) {
  const candidates =
    kind === 'firefox'
      ? [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']
      : [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/google-chrome'];
  return candidates.find((path) => path && existsSync(path));
}

export async function launch(kind, { headless, root }) {
  const executablePath = browserPath(kind);
  if (!executablePath) throw new Error(`no ${kind} found (set ${kind === 'firefox' ? 'FIREFOX_PATH' : 'CHROME_PATH'})`);
  const userDataDir = mkdtempSync(join(tmpdir(), `clickauth-demo-${kind}-`));
  return kind === 'firefox'
    ? launchFirefox(executablePath, userDataDir, headless, root)
    : launchChromium(executablePath, userDataDir, headless, root);
}

async function launchChromium(executablePath, userDataDir, headless, root) {
  const dist = resolve(root, 'dist/chrome');
  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath,
    headless,
    userDataDir,
    defaultViewport: null,
    // Puppeteer starts Chromium with --disable-extensions; the demo needs ours.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--window-size=1100,800',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const worker = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout: 30_000 },
  );
  const base = `chrome-extension://${new URL(worker.url()).host}`;
  return {
    browser,
    userDataDir,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await page.goto(`${base}/${path}`);
      return page;
    },
  };
}

async function launchFirefox(executablePath, userDataDir, headless, root) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    protocol: 'webDriverBiDi',
    headless,
    userDataDir,
    defaultViewport: null,
    // Lets WebDriver BiDi open moz-extension:// pages (the popup as a tab); see tests/e2e/firefox/harness.ts.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'network.dns.localDomains': DEMO_HOST,
    },
  });
  await browser.installExtension(resolve(root, 'dist/firefox'));
  const base = `moz-extension://${FIREFOX_UUID}`;
  return {
    browser,
    userDataDir,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = `${base}/${path}`;
      // The navigation ends in the extension process, which puppeteer's tracking does not follow.
      page.goto(url).catch(() => undefined);
      for (let i = 0; i < 200; i++) {
        const here = await page.evaluate(() => `${location.href}|${document.readyState}`).catch(() => '');
        if (here === `${url}|complete`) return page;
        await new Promise((done) => setTimeout(done, 150));
      }
      throw new Error(`could not open ${url}`);
    },
  };
}
