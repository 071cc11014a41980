/**
 * A robust estimate of this computer's clock offset from many samples (sample.ts). Pure.
 *
 * - Bounded: the ring keeps the newest RING_SIZE samples, and each source (a site: its registrable
 *   domain, so a site's many subdomains are one source) counts with at most its PER_SOURCE newest, so one
 *   busy or hostile site cannot outvote the others. A sample further than MAX_OFFSET_MS from this
 *   computer's clock counts for nothing (a wrong time zone is at most 14 h off; beyond a day it is a
 *   broken or hostile `Date`, and codes computed from it would all be wrong, or not computable at all).
 * - Robust: the median, not the mean; then only the samples that agree with it (within AGREE_MS) are
 *   kept, and they must be a strict majority of the samples, and come from a strict majority of the
 *   sources, else there is no estimate (sources that disagree half and half say nothing trustworthy:
 *   one site cannot carry it against another). The final value is the median of the agreeing samples.
 * - Fresh: samples older than MAX_AGE_MS are ignored (the clock may have been set since).
 */
import type { ClockSample } from './sample';

export const RING_SIZE = 32;
export const PER_SOURCE = 5;
export const MIN_SAMPLES = 3;
/** Two samples agree when their offsets differ by at most this (Date resolution plus round trips). */
export const AGREE_MS = 2000;
export const MAX_AGE_MS = 24 * 3600_000;
/** A sample further off than this is no sample (see above). */
export const MAX_OFFSET_MS = 24 * 3600_000;
/** Over this, the popup says the clock is off (issue 13). */
export const WARN_OFFSET_MS = 15_000;

export interface ClockEstimate {
  /** Server time minus local time, ms. */
  offsetMs: number;
  /** Median half-width of the agreeing samples' intervals. */
  uncertaintyMs: number;
  /** How many samples, and from how many sources, agree with the estimate. */
  samples: number;
  sources: number;
}

/** The ring after `sample`: newest last, at most `size`. */
export function addSample(ring: readonly ClockSample[], sample: ClockSample, size = RING_SIZE): ClockSample[] {
  return [...ring, sample].slice(-size);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The samples that count: fresh, within MAX_OFFSET_MS, and each source's newest PER_SOURCE. */
export function countedSamples(ring: readonly ClockSample[], now: number): ClockSample[] {
  const perSource = new Map<string, ClockSample[]>();
  for (const sample of ring) {
    if (now - sample.at > MAX_AGE_MS || !(Math.abs(sample.offsetMs) <= MAX_OFFSET_MS)) continue;
    const list = perSource.get(sample.source) ?? [];
    list.push(sample);
    perSource.set(sample.source, list);
  }
  return [...perSource.values()].flatMap((list) => [...list].sort((a, b) => a.at - b.at).slice(-PER_SOURCE));
}

/** The offset estimate, or null when there are too few samples or they do not agree. */
export function estimateOffset(
  ring: readonly ClockSample[],
  now: number,
  minSamples = MIN_SAMPLES,
): ClockEstimate | null {
  const counted = countedSamples(ring, now);
  if (counted.length < minSamples) return null;
  const center = median(counted.map((s) => s.offsetMs));
  const agreeing = counted.filter((s) => Math.abs(s.offsetMs - center) <= AGREE_MS);
  if (agreeing.length < minSamples || agreeing.length * 2 <= counted.length) return null;
  const sources = new Set(agreeing.map((s) => s.source)).size;
  if (sources * 2 <= new Set(counted.map((s) => s.source)).size) return null;
  return {
    offsetMs: Math.round(median(agreeing.map((s) => s.offsetMs))),
    uncertaintyMs: Math.round(median(agreeing.map((s) => s.uncertaintyMs))),
    samples: agreeing.length,
    sources,
  };
}

/** The popup warns when the estimate is further than WARN_OFFSET_MS from this computer's clock. */
export const clockIsOff = (estimate: ClockEstimate | null): boolean =>
  estimate !== null && Math.abs(estimate.offsetMs) > WARN_OFFSET_MS;
