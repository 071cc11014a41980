/**
 * The e2e test bed: loads the already-built extension (dist/chrome; `npm run build` makes it, this
 * file builds nothing) into Debian's Chromium through playwright-core, and serves fixture pages from a
 * local server under several *.test hostnames (all mapped to 127.0.0.1).
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
/** E2E_DIST: test another build (e.g. `vite build --outDir dist/other`); relative to the repository. */
export const distDir = resolve(repoRoot, process.env.E2E_DIST ?? 'dist/chrome');
export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export function assertBuilt(): void {
  if (!existsSync(join(distDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${distDir}: run \`npm run build\` first (npm test does).`);
  }
  if (!existsSync(chromePath)) {
    throw new Error(`No Chromium at ${chromePath}: install Debian's chromium or set CHROME_PATH.`);
  }
}

/** Chromium's flags for a test browser with the unpacked extension(s) in `dir` (comma-separated) and the fixture hosts. */
export function extensionArgs(dir: string): string[] {
  return [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--host-resolver-rules=MAP *.test 127.0.0.1',
    // The fixture server's https listener uses a self-signed test certificate (tests/fixtures/tls).
    '--ignore-certificate-errors',
  ];
}

/**
 * Launch Chromium with the extension loaded; reuse `profileDir` to simulate a browser restart. `lang`:
 * the browser's UI language, which chrome.i18n (our wording) follows.
 */
export async function launchWithExtension(profileDir?: string, lang?: string): Promise<LoadedExtension> {
  assertBuilt();
  const dir = profileDir ?? mkdtempSync(join(tmpdir(), 'clickauth-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromePath,
    headless: true,
    ...(lang ? { env: { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8` }, locale: lang } : {}),
    args: [...(lang ? [`--lang=${lang}`] : []), ...extensionArgs(distDir)],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profileDir: dir,
    async close(options) {
      await context.close();
      if (!options?.keepProfile) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Stops the extension's service worker the way Chrome does when it idles (CDP
 * ServiceWorker.stopAllWorkers, https://chromedevtools.github.io/devtools-protocol/tot/ServiceWorker/#method-stopAllWorkers)
 * and waits until it reports `stopped`. The next message wakes a new
 * one. Playwright keeps listing the stopped worker (evaluating in it hangs), so after this, talk to
 * the extension through its pages instead of `ext.worker`.
 */
export async function stopServiceWorker(ext: LoadedExtension, page: Page): Promise<void> {
  const cdp = await ext.context.newCDPSession(page);
  const prefix = `chrome-extension://${ext.extensionId}/`;
  const stopped = new Promise<void>((done) =>
    cdp.on(
      'ServiceWorker.workerVersionUpdated',
      (event: { versions: { runningStatus: string; scriptURL: string }[] }) => {
        if (event.versions.some((v) => v.scriptURL.startsWith(prefix) && v.runningStatus === 'stopped')) done();
      },
    ),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

/** Retry `probe` until it returns without throwing (content scripts load at document_idle). */
export async function eventually<T>(probe: () => Promise<T>, timeoutMs = 10_000, stepMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((done) => setTimeout(done, stepMs));
    }
  }
}
