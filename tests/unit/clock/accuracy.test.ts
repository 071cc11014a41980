/**
 * The estimator's accuracy on recorded sample sets (tests/fixtures/clock/*.json, made by record.mjs
 * against loopback servers whose clocks are off by a known amount). Prints one line per set for the
 * closing note: the estimate's error, and, for comparison, the naive reading (mean of Date - arrival
 * over every response, cached ones included).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addSample,
  clockIsOff,
  estimateOffset,
  parseHttpDate,
  sampleFrom,
  type ClockSample,
  type ObservedResponse,
} from '../../../src/core/clock';

const DIR = join(import.meta.dirname, '../../fixtures/clock');
interface SampleSet {
  description: string;
  truthOffsetMs: number;
  responses: ObservedResponse[];
}
const sets = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f.replace('.json', ''), JSON.parse(readFileSync(join(DIR, f), 'utf8')) as SampleSet] as const);

function run(set: SampleSet) {
  let ring: ClockSample[] = [];
  for (const response of set.responses) {
    const sample = sampleFrom(response);
    if (sample) ring = addSample(ring, sample);
  }
  const now = set.responses.at(-1)!.receivedAt;
  const estimate = estimateOffset(ring, now);
  const naive = set.responses.map((r) => parseHttpDate(r.date!)! - r.receivedAt);
  return {
    estimate,
    kept: ring.length,
    naiveError: naive.reduce((a, b) => a + b, 0) / naive.length - set.truthOffsetMs,
  };
}

describe('estimator accuracy on recorded sample sets', () => {
  it('has sets to measure', () => expect(sets.length).toBeGreaterThanOrEqual(5));

  it.each(sets)('%s: within 1 s of the truth, warns exactly when the truth is over 15 s', (name, set) => {
    const { estimate, kept, naiveError } = run(set);
    expect(estimate).not.toBeNull();
    const error = estimate!.offsetMs - set.truthOffsetMs;
    console.log(
      `clock accuracy | ${name.padEnd(16)} | truth ${String(set.truthOffsetMs / 1000).padStart(4)} s | responses ${set.responses.length} | samples kept ${kept} | agreeing ${estimate!.samples} from ${estimate!.sources} site(s) | error ${String(error).padStart(5)} ms (± ${estimate!.uncertaintyMs} ms) | naive mean error ${Math.round(naiveError)} ms`,
    );
    expect(Math.abs(error)).toBeLessThanOrEqual(1000);
    expect(clockIsOff(estimate)).toBe(Math.abs(set.truthOffsetMs) > 15_000);
  });
});
