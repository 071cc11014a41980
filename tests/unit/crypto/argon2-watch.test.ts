/**
 * The Argon2id wrapper's watch (core/crypto/argon2.ts): the options page shows how far another app's
 * slow key derivation is and can stop it (an Ente export asks for 1 GiB × 4 passes, ~40 s here).
 */
import { describe, expect, it } from 'vitest';
import { argon2id, perPercent } from '../../../src/core/crypto/argon2';

const PASSWORD = new TextEncoder().encode('password');
const SALT = new Uint8Array(16).fill(7);
const SMALL = { iterations: 2, memoryKiB: 4096, parallelism: 1 };
/** ~1.5 s here: long enough to stop half-way. */
const SLOW = { iterations: 4, memoryKiB: 64 * 1024, parallelism: 1 };

describe('argon2id watch', () => {
  it('reports progress up to 1, in order, and derives the same key as without a watch', async () => {
    const seen: number[] = [];
    const watched = await argon2id(PASSWORD, SALT, SMALL, 32, { onProgress: (done) => seen.push(done) });
    expect(watched).toEqual(await argon2id(PASSWORD, SALT, SMALL));
    expect(seen.length).toBeGreaterThan(10);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
  });

  it('stops soon after the signal aborts, rejecting with its reason', async () => {
    const stop = new AbortController();
    let last = 0;
    const started = performance.now();
    const derivation = argon2id(PASSWORD, SALT, SLOW, 32, {
      signal: stop.signal,
      onProgress: (done) => {
        last = done;
        if (done > 0.1) stop.abort(new Error('cancelled by the user'));
      },
    });
    await expect(derivation).rejects.toThrow('cancelled by the user');
    expect(last).toBeLessThan(0.2);
    // Control: the whole derivation takes several times as long as it took to stop.
    const stoppedAfter = performance.now() - started;
    const t0 = performance.now();
    await argon2id(PASSWORD, SALT, SLOW);
    expect(performance.now() - t0).toBeGreaterThan(3 * stoppedAfter);
  }, 30_000);

  it('a signal already aborted: rejects at once, no work', async () => {
    const stop = new AbortController();
    stop.abort(new Error('already'));
    let calls = 0;
    await expect(
      argon2id(PASSWORD, SALT, SLOW, 32, { signal: stop.signal, onProgress: () => calls++ }),
    ).rejects.toThrow('already');
    expect(calls).toBe(0);
  });

  it('perPercent: reports once per whole percent, the first share included', () => {
    const seen: number[] = [];
    const report = perPercent((done) => seen.push(done));
    for (const done of [0, 0.001, 0.009, 0.01, 0.0101, 0.5, 0.505, 0.999, 1]) report(done);
    expect(seen).toEqual([0, 0.01, 0.5, 0.999, 1]);
  });
});
