/** Benchmarks run as ordinary (slow) tests: npx vitest run --config tests/bench/vitest.bench.config.ts */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'bench',
    include: ['tests/bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 600_000,
    // One benchmark at a time: two files measuring at once on 2 cores measure each other.
    fileParallelism: false,
  },
});
