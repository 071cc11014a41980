import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// An empty extension global, so src/platform loads and tests pass fakes instead of mocking it; a
// logger sink that fails a test on an error report it did not expect.
const UNIT_SETUP = ['tests/setup/extension-global.ts', 'tests/setup/log-sink.ts'];

export default defineConfig({
  test: {
    // One line when the GPL peer-fixture tests are skipped (no ../shared beside this clone).
    globalSetup: ['tests/peer-fixtures-notice.ts'],
    projects: [
      // Some unit tests run real KDFs or hundreds of queued requests: 5 s (vitest's default) is too
      // tight on a 2-core machine busy with another suite; 30 s still fails a test that hangs.
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000, setupFiles: UNIT_SETUP },
      },
      {
        plugins: [preact()],
        test: { name: 'dom', include: ['tests/dom/**/*.test.{ts,tsx}'], environment: 'happy-dom', testTimeout: 30_000, setupFiles: UNIT_SETUP },
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
