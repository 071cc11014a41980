/**
 * Every single-bit flip anywhere in a sealed blob (header, salt, IVs, wrapped key, ciphertext,
 * checksum) must be reported as VaultCorrupted: never success, never WrongPassword — a damaged
 * disk must not make the user doubt their password.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope, openWithKey, readEnvelopeHeader, unlockEnvelope } from '../../../src/core/crypto';
import { VaultCorrupted } from '../../../src/core/errors';
import { blobBytes, flipBit, ITERATIONS, PASSWORD, utf8 } from './helpers';

let blob = '';
let vaultKey: Uint8Array = new Uint8Array();
let length = 0;

beforeAll(async () => {
  ({ blob, vaultKey } = await createEnvelope(PASSWORD, utf8('{"v":1}'), { iterations: ITERATIONS }));
  length = blobBytes(blob).length;
});

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'success';
  } catch (error) {
    return error instanceof VaultCorrupted ? 'corrupted' : `other: ${String(error)}`;
  }
}

describe('bit flips in a sealed blob', () => {
  it('the blob is small enough to test exhaustively (168 bytes)', () => {
    expect(length).toBe(113 + 7 + 16 + 32);
  });

  it('flipping any one bit of any byte is VaultCorrupted on unlock, open and header read', async () => {
    const failures: string[] = [];
    for (let index = 0; index < length; index++) {
      for (let bit = 0; bit < 8; bit++) {
        const tampered = flipBit(blob, index, bit);
        for (const [name, run] of [
          ['unlock', () => unlockEnvelope(tampered, PASSWORD)],
          ['open', () => openWithKey(tampered, vaultKey)],
          ['header', () => readEnvelopeHeader(tampered)],
        ] as const) {
          const result = await outcome(run());
          if (result !== 'corrupted') failures.push(`byte ${index} bit ${bit} ${name}: ${result}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('the untampered blob still opens (the loop above is not vacuous)', async () => {
    expect(await outcome(unlockEnvelope(blob, PASSWORD))).toBe('success');
  });
});
