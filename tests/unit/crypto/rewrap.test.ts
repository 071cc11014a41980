import { describe, expect, it } from 'vitest';
import {
  changePassword,
  createEnvelope,
  LAYOUT,
  openWithKey,
  readEnvelopeHeader,
  sealWithKey,
  rewrapEnvelope,
  unlockEnvelope,
} from '../../../src/core/crypto';
import { VaultCorrupted, WrongPassword } from '../../../src/core/errors';
import { blobBytes, fromUtf8, ITERATIONS, PASSWORD, utf8 } from './helpers';

const NEW_PASSWORD = 'a brand new passphrase';

describe('rewrapEnvelope (iteration upgrade) keeps the vault key, data untouched', () => {
  it('new salt, wrap IV and iterations around the same key; data section byte-identical', async () => {
    const { blob, vaultKey } = await createEnvelope(PASSWORD, utf8('my accounts'), { iterations: ITERATIONS });
    const iterations = ITERATIONS + 500;
    const next = await rewrapEnvelope(blob, vaultKey, NEW_PASSWORD, iterations);

    await expect(unlockEnvelope(next, PASSWORD)).rejects.toBeInstanceOf(WrongPassword);
    const unlocked = await unlockEnvelope(next, NEW_PASSWORD);
    expect(fromUtf8(unlocked.plaintext)).toBe('my accounts');
    expect(unlocked.vaultKey).toEqual(vaultKey);
    expect(unlocked.iterations).toBe(iterations);

    const before = blobBytes(blob);
    const after = blobBytes(next);
    // Data section (IV + ciphertext, without the trailing checksum) is byte-identical.
    expect(after.subarray(LAYOUT.dataIv, after.length - 32)).toEqual(
      before.subarray(LAYOUT.dataIv, before.length - 32),
    );
    // Magic, version, vault id unchanged; salt and wrap IV are new.
    expect(after.subarray(0, LAYOUT.kdfId)).toEqual(before.subarray(0, LAYOUT.kdfId));
    expect(after.subarray(LAYOUT.salt, LAYOUT.wrapIv)).not.toEqual(before.subarray(LAYOUT.salt, LAYOUT.wrapIv));
    expect(after.subarray(LAYOUT.wrapIv, LAYOUT.wrappedKey)).not.toEqual(
      before.subarray(LAYOUT.wrapIv, LAYOUT.wrappedKey),
    );
    expect((await readEnvelopeHeader(next)).vaultId).toBe((await readEnvelopeHeader(blob)).vaultId);
  });
});

describe('changePassword re-keys: a new random vault key re-encrypts the data', () => {
  it('the old password and the old key open nothing written by it; the new password opens the same plaintext', async () => {
    const { blob, vaultKey: oldKey } = await createEnvelope(PASSWORD, utf8('my accounts'), { iterations: ITERATIONS });
    const iterations = ITERATIONS + 500;
    const { blob: next, vaultKey } = await changePassword(blob, PASSWORD, NEW_PASSWORD, iterations);

    expect(vaultKey).toHaveLength(32);
    expect(vaultKey).not.toEqual(oldKey);
    await expect(unlockEnvelope(next, PASSWORD)).rejects.toBeInstanceOf(WrongPassword);
    await expect(openWithKey(next, oldKey)).rejects.toBeInstanceOf(VaultCorrupted);
    const unlocked = await unlockEnvelope(next, NEW_PASSWORD);
    expect(fromUtf8(unlocked.plaintext)).toBe('my accounts');
    expect(unlocked.vaultKey).toEqual(vaultKey);
    expect(unlocked.iterations).toBe(iterations);
    // Later writes under the new key stay out of the old key's reach too.
    const later = await sealWithKey(next, vaultKey, utf8('more accounts'));
    await expect(openWithKey(later, oldKey)).rejects.toBeInstanceOf(VaultCorrupted);

    const before = blobBytes(blob);
    const after = blobBytes(next);
    // Magic, version and vault id carry over; data IV and ciphertext are new.
    expect(after.subarray(0, LAYOUT.kdfId)).toEqual(before.subarray(0, LAYOUT.kdfId));
    expect(after.subarray(LAYOUT.dataIv, LAYOUT.ciphertext)).not.toEqual(
      before.subarray(LAYOUT.dataIv, LAYOUT.ciphertext),
    );
    expect(after.subarray(LAYOUT.ciphertext, after.length - 32)).not.toEqual(
      before.subarray(LAYOUT.ciphertext, before.length - 32),
    );
  });

  it('refuses an empty new password before any work', async () => {
    const { blob } = await createEnvelope(PASSWORD, utf8('x'), { iterations: ITERATIONS });
    await expect(changePassword(blob, PASSWORD, '', ITERATIONS)).rejects.toMatchObject({ code: 'vault/weak-password' });
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
