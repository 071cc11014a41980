/**
 * Property fuzzing at `npm test` size (a few hundred inputs per target; `npm run bench` runs
 * ≥ 100,000 per target through tests/bench/fuzz.bench.ts). Seeds of past failures: regressions below.
 */
import { describe, expect, it } from 'vitest';
import { formatStats, fuzz } from '../../fuzz/harness';
import { fuzzTargets } from '../../fuzz/targets';
import { REGRESSIONS } from '../../fuzz/regressions';

// Three real Argon2id derivations (one per Argon2 sample at best) keep `npm test` fast; the bench spends 12.
const targets = await fuzzTargets({ realArgon2: 3 });
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);

describe('fuzzing: only typed errors, under 1 s and 64 MB per call', () => {
  it.each(targets.map((t) => [t.name, t] as const))('%s', async (_, target) => {
    const stats = await fuzz(target, { numRuns: RUNS });
    expect(stats.runs).toBe(RUNS);
    // One line per target in the test output, for the closing note.
    process.stdout.write(`${formatStats(stats)}\n`);
  });

  it.each(REGRESSIONS.map((r) => [r.name, r] as const))('regression: %s', async (_, regression) => {
    const target = targets.find((t) => t.name === regression.target)!;
    const stats = await fuzz(target, { seed: regression.seed, path: regression.path, numRuns: 1, endOnFailure: true });
    expect(stats.runs).toBeGreaterThan(0);
  });
});
