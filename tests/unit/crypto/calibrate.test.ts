import { describe, expect, it } from 'vitest';
import { calibrateIterations, CURRENT_MIN_ITERATIONS, pbkdf2Measure } from '../../../src/core/crypto';

/** A fake device: PBKDF2 runs at `perMs` iterations per millisecond. */
const device = (perMs: number) => async (iterations: number) => iterations / perMs;

describe('calibrateIterations', () => {
  it('exports the OWASP 2023 floor', () => {
    expect(CURRENT_MIN_ITERATIONS).toBe(600_000);
  });

  it.each([
    // name, probe ms for 100k, options, expected
    ['fast machine: 100k in 25 ms → 2,000,000', 25, {}, 2_000_000],
    ['slow machine: 100k in 400 ms → floor', 400, {}, 600_000],
    ['mid machine: 100k in 60 ms → 833,334 rounded up to 840,000', 60, {}, 840_000],
    ['very fast: 100k in 1 ms → ceiling', 1, {}, 10_000_000],
    ['custom target 1000 ms: 100k in 30 ms → 3,340,000', 30, { targetMs: 1000 }, 3_340_000],
    ['custom floor', 400, { floor: 1_000_000 }, 1_000_000],
    ['custom ceiling', 1, { ceiling: 5_000_000 }, 5_000_000],
    ['too fast to measure (0 ms) → ceiling', 0, {}, 10_000_000],
    ['nonsense reading (negative) → floor', -5, {}, 600_000],
    ['nonsense reading (NaN) → floor', Number.NaN, {}, 600_000],
    ['infinitely slow → floor', Number.POSITIVE_INFINITY, {}, 600_000],
  ])('%s', async (_name, probeMs, options, expected) => {
    const probes: number[] = [];
    const result = await calibrateIterations({
      measure: async (iterations) => {
        probes.push(iterations);
        return probeMs;
      },
      ...options,
    });
    expect(result).toBe(expected);
    expect(probes).toEqual([100_000]);
    expect(result % 10_000).toBe(0);
  });

  it('scales linearly with the injected device speed', async () => {
    for (const perMs of [1_500, 3_000, 6_000, 12_000]) {
      const result = await calibrateIterations({ measure: device(perMs), targetMs: 500 });
      expect(result).toBe(Math.min(10_000_000, Math.max(600_000, perMs * 500)));
    }
  });

  it('uses the given probe size', async () => {
    const probes: number[] = [];
    await calibrateIterations({
      measure: async (n) => {
        probes.push(n);
        return 10;
      },
      probe: 20_000,
    });
    expect(probes).toEqual([20_000]);
  });

  it('pbkdf2Measure reads the injected clock around a real derivation', async () => {
    const ticks = [1000, 1042];
    const measure = pbkdf2Measure(() => ticks.shift() ?? Number.NaN);
    expect(await measure(1000)).toBe(42);
    expect(ticks).toEqual([]);
  });
});
