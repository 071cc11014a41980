/**
 * The fuzzer at full size: ≥ 100,000 generated inputs per target (FUZZ_RUNS to change), the same
 * checks as tests/unit/fuzz (typed errors only, < 1 s and < 64 MB per call); prints counts and times.
 */
import { expect, it } from 'vitest';
import { formatStats, fuzz, type FuzzStats } from '../fuzz/harness';
import { fuzzTargets } from '../fuzz/targets';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 100_000);

it(`fuzz: ${RUNS} inputs per target`, async () => {
  const all: FuzzStats[] = [];
  for (const target of await fuzzTargets()) {
    const stats = await fuzz(target, { numRuns: RUNS });
    expect(stats.runs).toBeGreaterThanOrEqual(RUNS);
    all.push(stats);
    console.log(formatStats(stats));
  }
  const total = all.reduce((sum, s) => sum + s.runs, 0);
  console.log(`fuzz total: ${total} inputs over ${all.length} targets in ${(all.reduce((sum, s) => sum + s.totalMs, 0) / 1000).toFixed(1)} s`);
});
