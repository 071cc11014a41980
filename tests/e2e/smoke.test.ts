import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { distDir, eventually, launchWithExtension, type LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { closeBed, servePages } from './setup';

let ext: LoadedExtension;
let server: FixtureServer;

beforeAll(async () => {
  server = await servePages();
  ext = await launchWithExtension();
});

afterAll(() => closeBed(ext, server));

function builtFiles(dir = distDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? builtFiles(path) : [relative(distDir, path)];
  });
}

describe('the built extension in Chromium', () => {
  it('starts its service worker', async () => {
    expect(ext.worker.url()).toBe(`chrome-extension://${ext.extensionId}/service-worker-loader.js`);
    const manifestVersion = await ext.worker.evaluate(() => chrome.runtime.getManifest().manifest_version);
    expect(manifestVersion).toBe(3);
  });

  it('renders the popup, which talks to the background', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
    // A fresh profile has no vault: the popup asks for a master password first (no unencrypted mode).
    await expect.poll(() => page.locator('h2').textContent()).toBe('Create your master password');
    expect(await page.locator('h1').textContent()).toBe('ClickAuth');
    expect(await page.locator('.version').textContent()).toBe('0.1.0');
    await page.close();
  });

  it('runs the content script on a served page, in its own frame', async () => {
    const page = await ext.context.newPage();
    const url = server.url('/basic.html');
    await page.goto(url);
    const hello = await eventually(() =>
      ext.worker.evaluate(async (href) => {
        // Without the "tabs" permission tab URLs are hidden, so ask every tab's content script. A
        // content script listens once woken (what background/send-to-frame.ts does before a message).
        const tabs = await chrome.tabs.query({});
        const wake = (hook: string) => (globalThis as unknown as Record<string, () => void>)[hook]?.();
        await Promise.all(
          tabs.map((tab) =>
            chrome.scripting
              .executeScript({ target: { tabId: tab.id ?? -1 }, func: wake, args: ['__clickauthListen'] })
              .catch(() => null),
          ),
        );
        const replies = await Promise.all(
          tabs.map((tab) => chrome.tabs.sendMessage(tab.id ?? -1, { type: 'content/ping' }).catch(() => null)),
        );
        const reply = replies.find((r) => r?.value?.href === href);
        if (!reply) throw new Error('no content script answered for the page');
        return reply;
      }, url),
    );
    expect(hello).toEqual({ ok: true, value: { href: url, topFrame: true } });
    await page.close();
  });

  it('lets no web page fetch or load any extension resource', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/basic.html'));
    const files = builtFiles();
    expect(files.length).toBeGreaterThan(5);
    const reachable = await page.evaluate(
      async ({ id, paths }) => {
        const found: string[] = [];
        for (const path of paths) {
          const url = `chrome-extension://${id}/${path}`;
          const fetched = await fetch(url).then(
            () => true,
            () => false,
          );
          const loaded = await new Promise<boolean>((done) => {
            const img = new Image();
            img.onload = () => done(true);
            img.onerror = () => done(false);
            img.src = url;
          });
          if (fetched || loaded) found.push(path);
        }
        return found;
      },
      { id: ext.extensionId, paths: files },
    );
    expect(reachable).toEqual([]);
    await page.close();
  });
});
