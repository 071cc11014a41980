import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { availableParallelism } from 'node:os';

// An empty extension global, so src/platform loads and tests pass fakes instead of mocking it; a
// logger sink that fails a test on an error report it did not expect.
const UNIT_SETUP = ['tests/setup/extension-global.ts', 'tests/setup/log-sink.ts'];
/**
 * Unit and DOM tests get an in-memory extension API (tests/adapter/polyfill.ts) wherever src/platform
 * imports the polyfill: the real background runs over it (the adapter tier), no vi.mock needed.
 */
/** crxjs turns `import path from './x.ts?iife'` into the built file's path; tests get the path, not the script. */
const iifePath = {
  name: 'iife-path',
  enforce: 'pre' as const,
  resolveId: (id: string) => (id.endsWith('?iife') ? `\0iife:${id.replace(/\?iife$/, '')}` : null),
  load: (id: string) => (id.startsWith('\0iife:') ? `export default ${JSON.stringify(id.slice(6))};` : null),
};
const fakeExtensionApi = {
  alias: { 'webextension-polyfill': new URL('tests/adapter/polyfill.ts', import.meta.url).pathname },
};

/** e2e files run side by side: E2E_WORKERS, or 2 where there are 2 cores or more. */
const E2E_WORKERS = Number(process.env.E2E_WORKERS) || Math.min(2, availableParallelism());

export default defineConfig({
  test: {
    // One line when the GPL peer-fixture tests are skipped (no ../shared beside this clone).
    globalSetup: ['tests/peer-fixtures-notice.ts'],
    // As many files at a time as there are cores (vitest's default leaves one core idle: on this
    // 2-core machine the unit and DOM tests took 3 min one at a time, 2 min two at a time).
    maxWorkers: availableParallelism(),
    projects: [
      // Some unit tests run real KDFs or hundreds of queued requests: 5 s (vitest's default) is too
      // tight on a 2-core machine busy with another suite; 30 s still fails a test that hangs.
      {
        plugins: [iifePath],
        resolve: fakeExtensionApi,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          setupFiles: UNIT_SETUP,
        },
      },
      {
        plugins: [preact(), iifePath],
        resolve: fakeExtensionApi,
        test: {
          name: 'dom',
          include: ['tests/dom/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          testTimeout: 30_000,
          setupFiles: UNIT_SETUP,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two files at a time: most of an e2e file's time is waiting (for a browser to start, a page,
          // a timer of the product's), so two browsers on two cores take ~70 % of one at a time (each
          // file ~15 % slower). E2E_WORKERS=1 runs them one by one (to debug, or on a loaded machine).
          maxWorkers: E2E_WORKERS,
          fileParallelism: E2E_WORKERS > 1,
          // One Node process per worker for all its files (each file still launches its own browser and
          // server, and closes them in its afterAll): ~4 s less per file than a fresh process each.
          isolate: false,
        },
      },
    ],
  },
});
