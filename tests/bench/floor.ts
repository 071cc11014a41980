/**
 * The floor extension (../shared/bench/popup-floor, a bare MV3 popup: one storage read, WebCrypto TOTP
 * for the rows in view, plain DOM), loaded next to ours in the same Chromium so every popup figure has
 * a ratio measured in the same run. It is loaded from where it lies, never copied (it carries no licence).
 */
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assertBuilt, chromePath, distDir, extensionArgs, repoRoot, type LoadedExtension } from '../e2e/harness';

export const floorDir = resolve(repoRoot, process.env.FLOOR_DIR ?? '../shared/bench/popup-floor');
export const hasFloor = existsSync(join(floorDir, 'manifest.json'));
export const NO_FLOOR_LINE = `floor extension: not found at ${floorDir} — popup ratios against the floor are not printed`;

export interface WithFloor extends LoadedExtension {
  /** The floor's id, or null when it is absent. */
  floorId: string | null;
}

/** Our extension (dist/chrome) and, when present, the floor, in one persistent context. */
export async function launchWithFloor(): Promise<WithFloor> {
  assertBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'clickauth-bench-'));
  const dirs = hasFloor ? `${distDir},${floorDir}` : distDir;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromePath,
    headless: true,
    args: extensionArgs(dirs),
  });
  const want = hasFloor ? 2 : 1;
  const deadline = Date.now() + 30_000;
  while (context.serviceWorkers().length < want && Date.now() < deadline) {
    await context.waitForEvent('serviceworker', { timeout: 30_000 }).catch(() => undefined);
  }
  const ours = context.serviceWorkers().find((w) => w.url().endsWith('service-worker-loader.js'))!;
  const floor = context.serviceWorkers().find((w) => w.url().endsWith('/sw.js'));
  return {
    context,
    worker: ours,
    extensionId: new URL(ours.url()).host,
    floorId: floor ? new URL(floor.url()).host : null,
    profileDir: dir,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Seeds the floor's storage with the same accounts (base32 secrets) as ours. */
export async function seedFloor(
  ext: WithFloor,
  accounts: { issuer: string; account: string; secret: string }[],
): Promise<void> {
  const worker = ext.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${ext.floorId}/`));
  if (!worker) throw new Error('floor worker not running');
  await worker.evaluate((list) => chrome.storage.local.set({ accounts: list }), accounts);
}
