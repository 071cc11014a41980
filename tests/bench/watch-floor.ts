/**
 * A floor for the content-script CPU figures: an extension whose content script only watches the DOM
 * (watch-floor/watch.ts: our change observer and a listener that does nothing), built from our own
 * source into a temporary folder and loaded in a browser of its own. Its time on a page is what noticing
 * changes costs before any looking; ours is measured against it in the same run.
 */
import { build } from 'vite';
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromePath, extensionArgs, repoRoot } from '../e2e/harness';

/** The floor's name: its isolated world in a frame is named so (CDP's execution contexts). */
export const FLOOR_NAME = 'watch-only floor';

/** Builds the floor extension; returns its folder. */
export async function buildWatchFloor(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'clickauth-watch-floor-'));
  try {
    await writeFloor(dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}

async function writeFloor(dir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: repoRoot,
    publicDir: false,
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: true,
      lib: {
        entry: join(repoRoot, 'tests/bench/watch-floor/watch.ts'),
        formats: ['iife'],
        name: 'watchFloor',
        fileName: () => 'watch.js',
      },
    },
  });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: FLOOR_NAME,
      version: '1.0',
      // As ours: every http(s) frame, at document_idle.
      content_scripts: [
        { matches: ['http://*/*', 'https://*/*'], js: ['watch.js'], run_at: 'document_idle', all_frames: true },
      ],
    }),
  );
}

/** A browser with only the floor extension, launched as ours is (launchWithExtension's flags). */
export async function launchWatchFloor(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const ext = await buildWatchFloor();
  const profile = mkdtempSync(join(tmpdir(), 'clickauth-watch-floor-profile-'));
  const remove = () => {
    rmSync(profile, { recursive: true, force: true });
    rmSync(ext, { recursive: true, force: true });
  };
  const context = await chromium
    .launchPersistentContext(profile, {
      executablePath: chromePath,
      headless: true,
      args: extensionArgs(ext),
    })
    .catch((error: unknown) => {
      remove();
      throw error;
    });
  return {
    context,
    async close() {
      await context.close();
      remove();
    },
  };
}
