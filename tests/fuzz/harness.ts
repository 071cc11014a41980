/**
 * The fuzz harness shared by `npm test` (tests/unit/fuzz) and `npm run bench` (tests/bench/fuzz):
 * runs a target's generated inputs one by one and checks, for each call,
 * - only our typed errors come out (CoreError with a stable code), never a TypeError or RangeError;
 * - the call takes under 1 s, not counting KDF work (PBKDF2, Argon2) the file asks for within its
 *   app's own maximum, checked before any KDF runs (timed apart, reported separately);
 * - the heap (JS heap + array buffers) grows by under 64 MB during the call.
 * A failure throws with fast-check's seed and path; keep them in tests/fuzz/regressions.ts.
 */
import fc from 'fast-check';
import { isCoreError } from '../../src/core/errors';

export const CALL_LIMIT_MS = 1000;
export const HEAP_LIMIT_BYTES = 64 * 1024 * 1024;

export interface FuzzTarget<T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** One call of the parser; `subtle` is the instrumented WebCrypto to pass in where it takes one. */
  run(input: T, subtle: SubtleCrypto): unknown;
}

export interface FuzzStats {
  name: string;
  runs: number;
  typedErrors: number;
  totalMs: number;
  maxCallMs: number;
  kdfMs: number;
  maxHeapGrowthMB: number;
}

/** Time spent in KDFs (PBKDF2 through timedSubtle, Argon2 through the targets' own wrapper). */
export const kdfClock = { spent: 0 };

/** Runs `derive` and adds its time to kdfClock. */
export async function timedKdf<T>(derive: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await derive();
  } finally {
    kdfClock.spent += performance.now() - started;
  }
}

/** WebCrypto whose deriveBits (the PBKDF2 a file asks for) is timed. */
export function timedSubtle(): { subtle: SubtleCrypto; kdfMs: () => number; reset(): void } {
  const real = globalThis.crypto.subtle;
  const subtle = new Proxy(real, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== 'function') return value;
      if (key !== 'deriveBits') return value.bind(target);
      return (...args: unknown[]) =>
        timedKdf(() => (value as (...a: unknown[]) => Promise<ArrayBuffer>).apply(target, args));
    },
  });
  return { subtle, kdfMs: () => kdfClock.spent, reset: () => void (kdfClock.spent = 0) };
}

const heapNow = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

export async function fuzz<T>(target: FuzzTarget<T>, params: fc.Parameters<[T]> = {}): Promise<FuzzStats> {
  const stats: FuzzStats = {
    name: target.name,
    runs: 0,
    typedErrors: 0,
    totalMs: 0,
    maxCallMs: 0,
    kdfMs: 0,
    maxHeapGrowthMB: 0,
  };
  const timed = timedSubtle();
  const property = fc.asyncProperty(target.arbitrary, async (input) => {
    timed.reset();
    const heapBefore = heapNow();
    const started = performance.now();
    let peak = heapBefore;
    try {
      await target.run(input, timed.subtle);
    } catch (error) {
      if (!isCoreError(error))
        throw new Error(
          `${target.name}: untyped ${String((error as Error)?.name)}: ${String((error as Error)?.message)}`,
          { cause: error },
        );
      stats.typedErrors++;
    } finally {
      peak = Math.max(peak, heapNow());
    }
    const elapsed = performance.now() - started;
    const ownMs = elapsed - timed.kdfMs();
    stats.runs++;
    stats.totalMs += elapsed;
    stats.kdfMs += timed.kdfMs();
    stats.maxCallMs = Math.max(stats.maxCallMs, ownMs);
    stats.maxHeapGrowthMB = Math.max(stats.maxHeapGrowthMB, (peak - heapBefore) / 2 ** 20);
    if (ownMs > CALL_LIMIT_MS) throw new Error(`${target.name}: one call took ${ownMs.toFixed(0)} ms`);
    if (peak - heapBefore > HEAP_LIMIT_BYTES)
      throw new Error(`${target.name}: heap grew by ${((peak - heapBefore) / 2 ** 20).toFixed(0)} MB`);
  });
  await fc.assert(property, { ...params });
  return stats;
}

export const formatStats = (s: FuzzStats): string =>
  `${s.name.padEnd(22)} ${String(s.runs).padStart(8)} inputs  ${(s.totalMs / 1000).toFixed(1).padStart(7)} s total  ` +
  `max ${s.maxCallMs.toFixed(1).padStart(7)} ms/call (excl. KDF ${(s.kdfMs / 1000).toFixed(1)} s)  ` +
  `typed errors ${s.typedErrors}  max heap +${s.maxHeapGrowthMB.toFixed(1)} MB`;
