/**
 * HAZMAT: the platform inputs of the crypto core, passed in (ARCHITECTURE rule 2) with defaults
 * from `globalThis.crypto` (WebCrypto exists in browsers, workers and Node ≥ 19).
 */

/** `n` cryptographically random bytes. */
export type RandomBytes = (n: number) => Uint8Array;

export interface CryptoDeps {
  subtle?: SubtleCrypto;
  random?: RandomBytes;
}

export interface ResolvedDeps {
  subtle: SubtleCrypto;
  random: RandomBytes;
}

/** getRandomValues fills at most 65,536 bytes per call (WebCrypto §10.1.1); we need far fewer. */
export const defaultRandom: RandomBytes = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n));

export function resolveDeps(deps: CryptoDeps = {}): ResolvedDeps {
  return {
    subtle: deps.subtle ?? globalThis.crypto.subtle,
    random: deps.random ?? defaultRandom,
  };
}
