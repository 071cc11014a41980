/**
 * HAZMAT: Argon2id (RFC 9106) through @noble/hashes, for reading other apps' exports. The cost comes
 * from the file, so callers check it against their format's limits first (see
 * core/formats/kdf-limits.ts); `maxmem` stays as noble's own second guard.
 */
import { argon2idAsync } from '@noble/hashes/argon2.js';

export interface Argon2Params {
  /** Passes (t). */
  iterations: number;
  /** Memory in KiB (m). */
  memoryKiB: number;
  /** Lanes (p). */
  parallelism: number;
}

/**
 * Who waits for a long derivation (an Ente export asks for 1 GiB × 4 passes: ~40 s in JavaScript):
 * `onProgress` gets the share done (0…1), and `signal` stops it (the promise rejects with its reason).
 */
export interface Argon2Watch {
  onProgress?(done: number): void;
  signal?: AbortSignal;
}

/**
 * `report` called once per whole percent of the share done, not per block (`onProgress` comes up to
 * 10,000 times): one message from the worker, one render of the page, per percent.
 */
export function perPercent(report: (done: number) => void): (done: number) => void {
  let shown = -1;
  return (done) => {
    const percent = Math.floor(done * 100);
    if (percent === shown) return;
    shown = percent;
    report(done);
  };
}

/** Argon2id v1.3, 32-byte output; yields to the event loop so a page stays responsive. */
export function argon2id(
  password: Uint8Array,
  salt: Uint8Array,
  params: Argon2Params,
  dkLen = 32,
  { onProgress, signal }: Argon2Watch = {},
): Promise<Uint8Array> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return argon2idAsync(password, salt, {
    t: params.iterations,
    m: params.memoryKiB,
    p: params.parallelism,
    dkLen,
    maxmem: params.memoryKiB * 1024 + 2 ** 20,
    asyncTick: 50,
    // Called between blocks (up to 10,000 times in all): throwing here ends the derivation.
    ...((onProgress || signal) && {
      onProgress: (done: number) => {
        signal?.throwIfAborted();
        onProgress?.(done);
      },
    }),
  });
}

/** The Argon2id signature importers take (ARCHITECTURE rule 2: tests may pass their own). */
export type Argon2Fn = typeof argon2id;
