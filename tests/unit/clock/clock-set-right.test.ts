/**
 * After this computer's clock is set right (or NTP sets it), the samples taken before measured the old
 * clock: a site visited since, whose samples agreed with every other site before and now all say the
 * same new offset, tells the clock was changed, and the older samples of every site stop counting
 * (review rev-codes, finding 2: they kept the old +90 s for up to 24 h). One wild sample is no change,
 * and a site that never agreed with the others cannot make one.
 */
import { describe, expect, it } from 'vitest';
import { clockChangedAt, countedSamples, estimateOffset, type ClockSample } from '../../../src/core/clock';

const T0 = 1_800_000_000_000;

function sample(offsetMs: number, source: string, at: number): ClockSample {
  return { offsetMs, uncertaintyMs: 600, at, source };
}

/** Morning: the clock is 90 s behind; the user uses three account sites, five loads each. */
function morning(): ClockSample[] {
  const ring: ClockSample[] = [];
  for (const [i, site] of ['bank.test', 'mail.test', 'shop.test'].entries())
    for (let k = 0; k < 5; k++) ring.push(sample(90_000, site, T0 + i * 60_000 + k * 3000));
  return ring;
}

describe('clock set right after samples were taken', () => {
  it('a site sampled after the fix is not outvoted by sites sampled before it', () => {
    const ring = morning();
    expect(estimateOffset(ring, T0 + 300_000)?.offsetMs).toBe(90_000);
    // Ten minutes later the clock is set right: local time jumps 90 s forward. The user then signs in at
    // the bank five times; each load gives an honest sample (offset 0).
    const fixedAt = T0 + 600_000 + 90_000;
    for (let k = 0; k < 5; k++) ring.push(sample(0, 'bank.test', fixedAt + k * 30_000));
    const now = fixedAt + 200_000;
    expect(clockChangedAt(ring)).toBe(fixedAt);
    const estimate = estimateOffset(ring, now);
    expect(estimate === null || Math.abs(estimate.offsetMs) < 2000, `estimate ${estimate?.offsetMs} ms`).toBe(true);
    // Two loads of the bank are enough to tell the change (the probe adds three more when asked).
    const two = [...morning(), sample(0, 'bank.test', fixedAt), sample(0, 'bank.test', fixedAt + 3000)];
    expect(countedSamples(two, fixedAt + 5000).map((s) => s.offsetMs)).toEqual([0, 0]);
  });

  it('one wild sample is no change', () => {
    const ring = [...morning(), sample(0, 'bank.test', T0 + 600_000)];
    expect(clockChangedAt(ring)).toBeNull();
    expect(estimateOffset(ring, T0 + 601_000)?.offsetMs).toBe(90_000);
  });

  it('a site that never agreed with the others cannot make one', () => {
    const ring = morning();
    for (let k = 0; k < 5; k++) ring.push(sample(3_600_000, 'forum.test', T0 + 400_000 + k * 3000));
    for (let k = 0; k < 5; k++) ring.push(sample(7_200_000, 'forum.test', T0 + 500_000 + k * 3000));
    expect(clockChangedAt(ring)).toBeNull();
    expect(estimateOffset(ring, T0 + 600_000)?.offsetMs).toBe(90_000);
  });
});
