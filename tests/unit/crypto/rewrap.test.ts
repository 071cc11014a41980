import { describe, expect, it } from 'vitest';
import {
  changePassword,
  createEnvelope,
  LAYOUT,
  readEnvelopeHeader,
  rewrapEnvelope,
  unlockEnvelope,
} from '../../../src/core/crypto';
import { VaultCorrupted, WrongPassword } from '../../../src/core/errors';
import { blobBytes, fromUtf8, ITERATIONS, PASSWORD, utf8 } from './helpers';

const NEW_PASSWORD = 'a brand new passphrase';

describe('password change re-wraps the vault key, data untouched', () => {
  it.each([
    ['rewrapEnvelope (cached key)', 'rewrap'],
    ['changePassword (old password)', 'change'],
  ] as const)('%s', async (_name, how) => {
    const { blob, vaultKey } = await createEnvelope(PASSWORD, utf8('my accounts'), { iterations: ITERATIONS });
    const iterations = ITERATIONS + 500;
    const next =
      how === 'rewrap'
        ? await rewrapEnvelope(blob, vaultKey, NEW_PASSWORD, iterations)
        : await changePassword(blob, PASSWORD, NEW_PASSWORD, iterations);

    await expect(unlockEnvelope(next, PASSWORD)).rejects.toBeInstanceOf(WrongPassword);
    const unlocked = await unlockEnvelope(next, NEW_PASSWORD);
    expect(fromUtf8(unlocked.plaintext)).toBe('my accounts');
    expect(unlocked.vaultKey).toEqual(vaultKey);
    expect(unlocked.iterations).toBe(iterations);

    const before = blobBytes(blob);
    const after = blobBytes(next);
    // Data section (IV + ciphertext, without the trailing checksum) is byte-identical.
    expect(after.subarray(LAYOUT.dataIv, after.length - 32)).toEqual(before.subarray(LAYOUT.dataIv, before.length - 32));
    // Magic, version, vault id unchanged; salt and wrap IV are new.
    expect(after.subarray(0, LAYOUT.kdfId)).toEqual(before.subarray(0, LAYOUT.kdfId));
    expect(after.subarray(LAYOUT.salt, LAYOUT.wrapIv)).not.toEqual(before.subarray(LAYOUT.salt, LAYOUT.wrapIv));
    expect(after.subarray(LAYOUT.wrapIv, LAYOUT.wrappedKey)).not.toEqual(before.subarray(LAYOUT.wrapIv, LAYOUT.wrappedKey));
    expect((await readEnvelopeHeader(next)).vaultId).toBe((await readEnvelopeHeader(blob)).vaultId);
  });

  it('changePassword with a wrong old password is WrongPassword', async () => {
    const { blob } = await createEnvelope(PASSWORD, utf8('x'), { iterations: ITERATIONS });
    await expect(changePassword(blob, 'nope', NEW_PASSWORD, ITERATIONS)).rejects.toBeInstanceOf(WrongPassword);
  });

  it('rewrapEnvelope refuses a key of another vault and an empty new password', async () => {
    const a = await createEnvelope(PASSWORD, utf8('A'), { iterations: ITERATIONS });
    const b = await createEnvelope(PASSWORD, utf8('B'), { iterations: ITERATIONS });
    await expect(rewrapEnvelope(a.blob, b.vaultKey, NEW_PASSWORD, ITERATIONS)).rejects.toBeInstanceOf(VaultCorrupted);
    await expect(rewrapEnvelope(a.blob, a.vaultKey, '', ITERATIONS)).rejects.toMatchObject({
      code: 'vault/weak-password',
    });
  });
});
