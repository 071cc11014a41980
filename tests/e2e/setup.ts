/**
 * The test bed most e2e files share: the fixture pages served (./server.ts), Chromium with the
 * extension (./harness.ts), and a vault created through the popup's first-run form. A file keeps
 * its own `let server`/`let ext` and assigns them in its beforeAll; `closeBed` is its afterAll.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, repoRoot, type LoadedExtension } from './harness';
import { serveFixtures, type FixtureServer } from './server';
import { call, createVault, openPopup } from './popup-helpers';

export type Routes = Parameters<typeof serveFixtures>[1];

/** tests/fixtures/pages, plus a file's own `routes`, on the fixture server. */
export const servePages = (routes?: Routes): Promise<FixtureServer> =>
  serveFixtures(join(repoRoot, 'tests/fixtures/pages'), routes);

/**
 * Launches Chromium with the extension and creates the vault in a popup page, which is returned open:
 * to add accounts through (then close it), or to keep as the page that reads and locks the vault.
 */
export async function launchWithVault(): Promise<{ ext: LoadedExtension; popup: Page }> {
  const ext = await launchWithExtension();
  try {
    const popup = await openPopup(ext);
    await createVault(popup);
    return { ext, popup };
  } catch (error) {
    await ext.close();
    throw error;
  }
}

/** `servePages(routes)`, then `launchWithVault()`: the fixture server, the browser and its vault's popup. */
export async function openBed(routes?: Routes): Promise<{ server: FixtureServer; ext: LoadedExtension; popup: Page }> {
  const server = await servePages(routes);
  try {
    return { server, ...(await launchWithVault()) };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * A file's afterAll: closes the browser (Chromium's LoadedExtension or Firefox's LoadedFirefox), then
 * the server; either is unset when the file's beforeAll failed early.
 */
export async function closeBed(browser: { close(): Promise<void> } | undefined, server?: FixtureServer): Promise<void> {
  await browser?.close();
  await server?.close();
}

/** Adds each of `uris` bound to its `sites`, in `uris`' order; returns the new accounts' ids by name. */
export async function addAccounts<Name extends string>(
  popup: Page,
  uris: Record<Name, string>,
  sites: Record<Name, string[]>,
): Promise<Record<Name, string>> {
  const ids = {} as Record<Name, string>;
  for (const name of Object.keys(uris) as Name[]) {
    const [added] = await call<{ id: string }[]>(popup, {
      type: 'accounts/add-uri',
      uri: uris[name],
      sites: sites[name],
    });
    ids[name] = added!.id;
  }
  return ids;
}

/** A new tab at `url`. */
export async function openPage(ext: LoadedExtension, url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  return page;
}

export const OVERLAY = '[data-clickauth-overlay]';
export const QR = '[data-test=qr]';

/** Overlays in the page and its frames. */
export async function overlayCount(page: Page): Promise<number> {
  const counts = await Promise.all(
    page.frames().map((f) =>
      f
        .locator(OVERLAY)
        .count()
        .catch(() => 0),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * Waits until our overlay is on `page`, then `settleMs` more: clicks in the overlay's first 400 ms
 * are ignored (anti-clickjacking; its clock runs on the page's frames), and people are slower.
 */
export async function waitForOverlay(page: Page, settleMs = 500): Promise<void> {
  await page.locator(OVERLAY).first().waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForTimeout(settleMs);
}

/** One real (trusted) click at the centre of the QR element, its page in front. */
export async function clickQr(page: Page): Promise<void> {
  const box = await page.locator(QR).boundingBox();
  if (!box) throw new Error('the QR element has no box');
  await page.bringToFront();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}
