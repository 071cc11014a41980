/**
 * Choosing the PBKDF2 iteration count for this device (RFC 8018 §4.2: "as large as is
 * acceptable"). Pure: the timing is injected, so the arithmetic is unit-tested with fake clocks.
 */
import { derivePasswordKey, CURRENT_MIN_ITERATIONS, SALT_LENGTH } from './kdf';

/** Runs PBKDF2 with `iterations` and resolves to the milliseconds it took. */
export type MeasureKdf = (iterations: number) => Promise<number>;

export interface CalibrateOptions {
  measure: MeasureKdf;
  /** How long an unlock may take on this device. */
  targetMs?: number;
  /** Never below OWASP 2023's 600,000 for PBKDF2-HMAC-SHA256. */
  floor?: number;
  /** Keeps unlock bearable if the probe was unluckily fast (timer coarsening, JIT warm-up). */
  ceiling?: number;
  /** Iterations of the probe run; long enough to dwarf timer resolution. */
  probe?: number;
}

const STEP = 10_000;

/**
 * Times one probe, scales linearly to `targetMs` (PBKDF2 cost is linear in iterations),
 * rounds up to a multiple of 10,000 and clamps to [floor, ceiling].
 * A probe reporting 0 ms means "too fast to measure" → ceiling; a nonsensical reading
 * (negative, NaN) → floor, the known-safe value.
 */
export async function calibrateIterations(options: CalibrateOptions): Promise<number> {
  const { measure, targetMs = 500, floor = CURRENT_MIN_ITERATIONS, ceiling = 10_000_000, probe = 100_000 } = options;
  const elapsed = await measure(probe);
  let scaled: number;
  if (Number.isNaN(elapsed) || elapsed < 0) scaled = floor;
  else if (elapsed === 0) scaled = ceiling;
  else scaled = Math.ceil((probe * targetMs) / elapsed / STEP) * STEP;
  return Math.min(ceiling, Math.max(floor, scaled));
}

/**
 * The real measurement: derives a key from a throwaway password and salt and reads the injected
 * clock (e.g. `() => performance.now()`) around it.
 */
export function pbkdf2Measure(now: () => number, subtle: SubtleCrypto = globalThis.crypto.subtle): MeasureKdf {
  return async (iterations) => {
    const salt = new Uint8Array(SALT_LENGTH);
    const start = now();
    await derivePasswordKey(subtle, 'calibration', salt, iterations);
    return now() - start;
  };
}
