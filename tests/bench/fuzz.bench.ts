/**
 * The fuzzer at full size: ≥ 100,000 generated inputs per target (FUZZ_RUNS to change), the same
 * checks as tests/unit/fuzz (typed errors only, < 1 s and < 64 MB per call); prints counts and times.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { formatStats, fuzz, type FuzzStats } from '../fuzz/harness';
import { fuzzTargets } from '../fuzz/targets';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 100_000);

const targets = await fuzzTargets();
const all: FuzzStats[] = [];

describe(`fuzz: ${RUNS} inputs per target`, () => {
  it.each(targets.map((t) => [t.name, t] as const))(
    '%s',
    async (_, target) => {
      const stats = await fuzz(target, { numRuns: RUNS });
      expect(stats.runs).toBeGreaterThanOrEqual(RUNS);
      all.push(stats);
      console.log(formatStats(stats));
    },
    3_600_000,
  );

  afterAll(() => {
    const total = all.reduce((sum, s) => sum + s.runs, 0);
    console.log(
      `fuzz total: ${total} inputs over ${all.length} targets, ${(all.reduce((sum, s) => sum + s.totalMs, 0) / 1000).toFixed(1)} s in calls`,
    );
  });
});
