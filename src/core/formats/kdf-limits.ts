/**
 * The most key-derivation work a file may ask for, per format: each app's own maximum, so a real
 * export always opens, and a hostile file cannot ask for more (`import/too-costly` before any work).
 * Tests and the fuzzer pass lower limits through ImportOptions-like `limits` arguments.
 */
import { tooCostly } from './import-errors';

export interface KdfLimits {
  /** Largest Argon2 memory, in bytes. */
  argon2MemoryBytes: number;
  /** Largest Argon2 memory × passes, in bytes (the CPU work). */
  argon2WorkBytes: number;
  /** Largest Argon2 lane count. */
  argon2Parallelism: number;
  /** Largest PBKDF2 iteration count. */
  pbkdf2Iterations: number;
}

const MiB = 1024 * 1024;

/**
 * Ente: crypto_pwhash_MEMLIMIT_SENSITIVE (1 GiB) and its sensitive-key budget (1 GiB × 4 passes;
 * deriveSensitiveKey halves memory and doubles passes, keeping the product). Bitwarden: at most
 * 1024 MiB, 10 passes, 16 lanes (KdfConfig Argon2 limits), PBKDF2 at most 2,000,000 iterations.
 */
export const DEFAULT_KDF_LIMITS: KdfLimits = {
  argon2MemoryBytes: 1024 * MiB,
  argon2WorkBytes: 4 * 1024 * MiB,
  argon2Parallelism: 16,
  pbkdf2Iterations: 2_000_000,
};

export function checkArgon2(memoryBytes: number, passes: number, parallelism: number, limits: KdfLimits): void {
  if (
    memoryBytes > limits.argon2MemoryBytes ||
    memoryBytes * passes > limits.argon2WorkBytes ||
    parallelism > limits.argon2Parallelism
  ) {
    throw tooCostly(`Argon2 ${Math.round(memoryBytes / 1024)} KiB × ${passes} passes × ${parallelism} lanes`);
  }
}

export function checkPbkdf2(iterations: number, limits: KdfLimits): void {
  if (iterations > limits.pbkdf2Iterations) throw tooCostly(`PBKDF2 ${iterations} iterations`);
}
