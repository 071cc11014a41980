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
 * - Fresh: samples older than MAX_AGE_MS are ignored (the clock may have been set since), and so are
 *   samples from before this computer's clock was changed (clockChangedAt): a site whose samples agreed
 *   with all the others and now jump by more than their uncertainty says the clock moved, and the older
 *   samples of every site measured the clock as it was.
 *
 * The estimate never sets the clock codes are computed with by itself: it proposes an offset for the
 * user to accept, and tells when the sites now say something else (background/clock/correction.ts).
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

/** Each source's newest PER_SOURCE samples. */
function newestPerSource(samples: readonly ClockSample[]): ClockSample[] {
  const perSource = new Map<string, ClockSample[]>();
  for (const sample of samples) {
    const list = perSource.get(sample.source) ?? [];
    list.push(sample);
    perSource.set(sample.source, list);
  }
  return [...perSource.values()].flatMap((list) => [...list].sort((a, b) => a.at - b.at).slice(-PER_SOURCE));
}

/**
 * When this computer's clock was last changed, as the samples tell it, or null: the time of the newest
 * sample that differs from its own source's previous sample by more than both their uncertainties plus
 * AGREE_MS (and that source's next sample says the same: one wild sample is no change), while the samples before it (of all sources) agreed with that previous sample. Then every
 * site that was right about the old clock would now say the same jump: the samples before it are stale.
 * A site that never agreed with the others cannot make one (it has no agreement to break), and one that
 * did can at most empty the estimate down to its own voice, which proposes but never sets (correction.ts).
 */
/** Two samples say the same offset: within both their uncertainties plus AGREE_MS. */
const agrees = (a: ClockSample, b: ClockSample) =>
  Math.abs(a.offsetMs - b.offsetMs) <= AGREE_MS + a.uncertaintyMs + b.uncertaintyMs;

export function clockChangedAt(samples: readonly ClockSample[]): number | null {
  const sorted = [...samples].sort((a, b) => a.at - b.at);
  let changedAt: number | null = null;
  let since = 0; // index of the first sample at or after changedAt
  for (let i = 0; i < sorted.length; i++) {
    const sample = sorted[i]!;
    let previous: ClockSample | undefined;
    for (let j = i - 1; j >= since && !previous; j--) if (sorted[j]!.source === sample.source) previous = sorted[j];
    if (!previous) continue;
    if (agrees(sample, previous)) continue;
    // A lone wild sample is no change: the source's next sample must say the same.
    const next = sorted.slice(i + 1).find((s) => s.source === sample.source);
    if (!next || !agrees(next, sample)) continue;
    const before = agreement(newestPerSource(sorted.slice(since, i)), 1);
    if (before === null || Math.abs(before.offsetMs - previous.offsetMs) > AGREE_MS) continue;
    changedAt = sample.at;
    since = i;
  }
  return changedAt;
}

/**
 * The samples that count: fresh, within MAX_OFFSET_MS, not from before the clock was changed
 * (clockChangedAt), and each source's newest PER_SOURCE.
 */
export function countedSamples(ring: readonly ClockSample[], now: number): ClockSample[] {
  const fresh = ring.filter((s) => now - s.at <= MAX_AGE_MS && Math.abs(s.offsetMs) <= MAX_OFFSET_MS);
  const changedAt = clockChangedAt(fresh);
  return newestPerSource(changedAt === null ? fresh : fresh.filter((s) => s.at >= changedAt));
}

/** The offset estimate, or null when there are too few samples or they do not agree. */
export function estimateOffset(
  ring: readonly ClockSample[],
  now: number,
  minSamples = MIN_SAMPLES,
): ClockEstimate | null {
  return agreement(countedSamples(ring, now), minSamples);
}

/** The samples' agreed offset (median, majority of samples and of sources), or null. */
function agreement(counted: readonly ClockSample[], minSamples: number): ClockEstimate | null {
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
