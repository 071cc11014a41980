import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

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

export default defineConfig({
  test: {
    // One line when the GPL peer-fixture tests are skipped (no ../shared beside this clone).
    globalSetup: ['tests/peer-fixtures-notice.ts'],
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
          fileParallelism: false,
        },
      },
    ],
  },
});
