/**
 * HAZMAT: envelope operations for an unlocked session that holds the raw vault key.
 *
 * Every write verifies first that the key opens the previous blob: sealing with a key that does
 * not match the wrapped one would write a vault no password can ever open (silent data loss).
 */
import { assertIterations, decodeEnvelope, encodeEnvelope } from './blob-format';
import { blobFromBase64, blobToBase64 } from './bytes';
import { resolveDeps, type CryptoDeps } from './deps';
import { assertPassword } from './envelope';
import { openData, sealData, take, unwrapVaultKey, wrapVaultKey } from './envelope-parts';
import { KEY_LENGTH } from './aes-gcm';

/** Decrypts with a cached vault key; a key from another vault is `vault/corrupted`. */
export async function openWithKey(blob: string, vaultKey: Uint8Array, deps: CryptoDeps = {}): Promise<Uint8Array> {
  const { subtle } = resolveDeps(deps);
  const parts = await decodeEnvelope(subtle, blobFromBase64(blob));
  return openData(subtle, parts, vaultKey);
}

/**
 * Re-encrypts new plaintext with a fresh random IV (NIST SP 800-38D §8.2.2), keeping the
 * previous blob's key section and vault id.
 */
export async function sealWithKey(
  previous: string,
  vaultKey: Uint8Array,
  plaintext: Uint8Array,
  deps: CryptoDeps = {},
): Promise<string> {
  const { subtle, random } = resolveDeps(deps);
  const parts = await decodeEnvelope(subtle, blobFromBase64(previous));
  await openData(subtle, parts, vaultKey);
  const data = await sealData(subtle, random, parts.vaultId, vaultKey, plaintext);
  return blobToBase64(await encodeEnvelope(subtle, { ...parts, ...data }));
}

/**
 * Iteration upgrade (same password): a new salt, wrap IV and KDF parameters around the same
 * vault key. Not for a password change (see `changePassword`). The data section (IV and ciphertext) and the vault id are copied byte for byte.
 */
export async function rewrapEnvelope(
  blob: string,
  vaultKey: Uint8Array,
  newPassword: string,
  iterations: number,
  deps: CryptoDeps = {},
): Promise<string> {
  assertPassword(newPassword);
  assertIterations(iterations);
  const { subtle, random } = resolveDeps(deps);
  const parts = await decodeEnvelope(subtle, blobFromBase64(blob));
  await openData(subtle, parts, vaultKey);
  const key = await wrapVaultKey(subtle, random, parts.vaultId, vaultKey, newPassword, iterations);
  return blobToBase64(await encodeEnvelope(subtle, { ...parts, key }));
}

/**
 * Password change: checks the old password, then RE-KEYS. A re-wrap alone would keep the vault key,
 * so anyone holding an old copy of the profile and the old password could unwrap that key and read
 * every later write. Here a fresh random vault key re-encrypts the current plaintext and is wrapped
 * under the new password; only the vault id carries over (it names the vault, it is no secret).
 * The caller must store the new blob in place of every old-key generation and replace the cached key.
 */
export async function changePassword(
  blob: string,
  oldPassword: string,
  newPassword: string,
  iterations: number,
  deps: CryptoDeps = {},
): Promise<{ blob: string; vaultKey: Uint8Array }> {
  assertPassword(newPassword);
  assertIterations(iterations);
  const { subtle, random } = resolveDeps(deps);
  const parts = await decodeEnvelope(subtle, blobFromBase64(blob));
  const oldKey = await unwrapVaultKey(subtle, parts, oldPassword);
  let plaintext: Uint8Array | undefined;
  try {
    plaintext = await openData(subtle, parts, oldKey);
    const vaultKey = take(random, KEY_LENGTH);
    const key = await wrapVaultKey(subtle, random, parts.vaultId, vaultKey, newPassword, iterations);
    const data = await sealData(subtle, random, parts.vaultId, vaultKey, plaintext);
    return { blob: blobToBase64(await encodeEnvelope(subtle, { vaultId: parts.vaultId, key, ...data })), vaultKey };
  } finally {
    oldKey.fill(0);
    plaintext?.fill(0);
  }
}
