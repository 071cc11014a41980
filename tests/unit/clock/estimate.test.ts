import { describe, expect, it } from 'vitest';
import {
  AGREE_MS,
  MAX_AGE_MS,
  MAX_OFFSET_MS,
  PER_SOURCE,
  RING_SIZE,
  addSample,
  clockIsOff,
  estimateOffset,
  median,
  type ClockSample,
} from '../../../src/core/clock';

const NOW = 1_800_000_000_000;
let n = 0;
const s = (offsetMs: number, source = 'https://a.test', at = NOW - 1000 + n++): ClockSample => ({
  offsetMs,
  uncertaintyMs: 600,
  at,
  source,
});

describe('median', () => {
  it.each([
    [[3], 3],
    [[1, 9, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('%j → %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
  it('refuses nothing', () => expect(() => median([])).toThrow(RangeError));
});

describe('estimateOffset', () => {
  it('needs three samples', () => {
    expect(estimateOffset([s(90_000), s(90_000)], NOW)).toBeNull();
    expect(estimateOffset([s(90_000), s(90_000), s(90_000)], NOW)?.offsetMs).toBe(90_000);
  });

  it('outliers: a wild sample among agreeing ones changes nothing', () => {
    const ring = [
      s(90_100),
      s(89_900),
      s(-3_600_000),
      s(90_000),
      s(90_300, 'https://b.test'),
      s(7_200_000, 'https://b.test'),
    ];
    const estimate = estimateOffset(ring, NOW)!;
    expect(estimate.offsetMs).toBeGreaterThanOrEqual(89_900);
    expect(estimate.offsetMs).toBeLessThanOrEqual(90_300);
    expect(estimate.samples).toBe(4);
    expect(estimate.sources).toBe(2);
  });

  it('one site with a wrong clock, however busy, cannot outvote the others', () => {
    let ring: ClockSample[] = [];
    for (const source of ['https://a.test', 'https://b.test'])
      for (let i = 0; i < 3; i++) ring = addSample(ring, s(1000, source));
    for (let i = 0; i < 20; i++) ring = addSample(ring, s(600_000, 'https://hostile.test'));
    // The hostile site counts with its newest PER_SOURCE samples only: 6 honest against 5.
    expect(PER_SOURCE).toBe(5);
    expect(estimateOffset(ring, NOW)?.offsetMs).toBe(1000);
  });

  it('one site against another gives no estimate, however many more samples it has (the sources must agree too)', () => {
    // 3 honest samples from a.test; 5 from hostile.test an hour ahead: a majority of the samples, one of two sources.
    const ring = [...[0, 1, 2].map(() => s(500, 'a.test')), ...[0, 1, 2, 3, 4].map(() => s(3_600_000, 'hostile.test'))];
    expect(estimateOffset(ring, NOW)).toBeNull();
    // Control: with a second honest site, the honest offset carries.
    expect(estimateOffset([...ring, ...[0, 1, 2].map(() => s(700, 'b.test'))], NOW)).toMatchObject({
      offsetMs: 600,
      sources: 2,
    });
  });

  it('a sample more than a day off counts for nothing: it neither makes nor moves an estimate', () => {
    const far = [0, 1, 2, 3, 4].map(() => s(MAX_OFFSET_MS + 1, 'far.test'));
    expect(estimateOffset(far, NOW)).toBeNull();
    expect(
      estimateOffset(
        far.map((x) => ({ ...x, offsetMs: -MAX_OFFSET_MS - 1 })),
        NOW,
      ),
    ).toBeNull();
    // Alongside honest samples, it is not even a disagreeing source.
    expect(estimateOffset([...far, s(90_000), s(90_000), s(90_000)], NOW)).toMatchObject({ offsetMs: 90_000 });
    // A wrong time zone (14 h) still gives one.
    expect(
      estimateOffset(
        [0, 1, 2].map(() => s(-14 * 3600_000)),
        NOW,
      )?.offsetMs,
    ).toBe(-14 * 3600_000);
  });

  it('sources that disagree half and half give no estimate rather than a blend', () => {
    const ring = [
      s(0, 'https://a.test'),
      s(0, 'https://a.test'),
      s(0, 'https://a.test'),
      s(90_000, 'https://b.test'),
      s(90_000, 'https://b.test'),
      s(90_000, 'https://b.test'),
    ];
    expect(estimateOffset(ring, NOW)).toBeNull();
  });

  it('samples within AGREE_MS of the median are one cluster; the result is their median', () => {
    // Median 200; 5000 is more than AGREE_MS from it and is dropped; the rest's median is 150.
    const ring = [s(0), s(100), s(200), s(300), s(200 + AGREE_MS + 1)];
    expect(estimateOffset(ring, NOW)).toMatchObject({ offsetMs: 150, samples: 4 });
  });

  it('ignores samples older than a day (the clock may have been set since)', () => {
    const old = [
      s(90_000, 'https://a.test', NOW - MAX_AGE_MS - 1),
      s(90_000, 'https://a.test', NOW - MAX_AGE_MS - 2),
      s(90_000, 'https://a.test', NOW - MAX_AGE_MS - 3),
    ];
    expect(estimateOffset(old, NOW)).toBeNull();
    expect(estimateOffset([...old, s(0), s(0), s(0)], NOW)?.offsetMs).toBe(0);
  });

  it('the ring keeps the newest RING_SIZE samples', () => {
    let ring: ClockSample[] = [];
    for (let i = 0; i < RING_SIZE + 10; i++) ring = addSample(ring, s(i, `https://${i}.test`));
    expect(ring).toHaveLength(RING_SIZE);
    expect(ring[0]!.offsetMs).toBe(10);
  });

  it('cached responses never reach the ring (sampleFrom gives none), so a stale Date cannot pull the estimate', async () => {
    const { sampleFrom } = await import('../../../src/core/clock');
    const stale = {
      date: 'Sat, 05 Dec 2026 10:00:00 GMT',
      status: 200,
      fromCache: false,
      hasAge: true,
      receivedAt: NOW,
      source: 'https://a.test',
    };
    expect(sampleFrom(stale)).toBeNull();
    expect(sampleFrom({ ...stale, hasAge: false, fromCache: true })).toBeNull();
  });
});

describe('clockIsOff', () => {
  it.each([
    [null, false],
    [15_000, false],
    [15_001, true],
    [-90_000, true],
  ])('%s → %s', (offset, off) => {
    expect(clockIsOff(offset === null ? null : { offsetMs: offset, uncertaintyMs: 500, samples: 3, sources: 1 })).toBe(
      off,
    );
  });
});
