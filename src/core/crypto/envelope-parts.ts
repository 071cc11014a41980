/**
 * HAZMAT: the two AES-256-GCM layers of the envelope (NIST SP 800-38D), shared by the
 * password-facing and the session-facing operations.
 *
 * Layer 1 (key section): a random 256-bit vault key, encrypted under the PBKDF2 password key
 * (RFC 8018) with the KDF parameters as additional data, so a header edit cannot downgrade them.
 * Layer 2 (data section): the vault plaintext, encrypted under the vault key with a fresh
 * random IV on every seal and the format/vault-id prefix as additional data.
 */
import { gcmDecrypt, gcmEncrypt, importAesKey, IV_LENGTH, KEY_LENGTH } from './aes-gcm';
import { dataAad, keyAad, type EnvelopeParts, type KeySection } from './blob-format';
import type { RandomBytes } from './deps';
import { derivePasswordKey, KDF_PBKDF2_SHA256, SALT_LENGTH } from './kdf';
import { VaultCorrupted, WrongPassword } from '../errors';

/** Draws `n` random bytes, refusing an injected source that returns the wrong amount. */
export function take(random: RandomBytes, n: number): Uint8Array {
  const bytes = random(n);
  if (bytes.length !== n) throw new RangeError(`random source returned ${bytes.length} bytes, wanted ${n}`);
  return bytes;
}

export function assertVaultKey(vaultKey: Uint8Array): void {
  // importKey would silently accept 16 bytes as AES-128; the format promises AES-256.
  if (vaultKey.length !== KEY_LENGTH) throw new RangeError(`vault key must be ${KEY_LENGTH} bytes`);
}

/** GCM signals a failed tag check with an OperationError; anything else is a real fault. */
function isAuthFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'OperationError';
}

/** Builds a key section: new salt, new wrap IV, vault key encrypted under the password key. */
export async function wrapVaultKey(
  subtle: SubtleCrypto,
  random: RandomBytes,
  vaultId: Uint8Array,
  vaultKey: Uint8Array,
  password: string,
  iterations: number,
): Promise<KeySection> {
  const salt = take(random, SALT_LENGTH);
  const wrapIv = take(random, IV_LENGTH);
  const header = { kdfId: KDF_PBKDF2_SHA256, iterations, salt };
  const passwordKey = await derivePasswordKey(subtle, password, salt, iterations);
  const wrappedKey = await gcmEncrypt(subtle, passwordKey, wrapIv, vaultKey, keyAad(vaultId, header));
  return { ...header, wrapIv, wrappedKey };
}

/** Recovers the vault key; a failed tag check here means the password is wrong. */
export async function unwrapVaultKey(
  subtle: SubtleCrypto,
  parts: EnvelopeParts,
  password: string,
): Promise<Uint8Array> {
  const { key, vaultId } = parts;
  const passwordKey = await derivePasswordKey(subtle, password, key.salt, key.iterations);
  let vaultKey: Uint8Array;
  try {
    vaultKey = await gcmDecrypt(subtle, passwordKey, key.wrapIv, key.wrappedKey, keyAad(vaultId, key));
  } catch (error) {
    if (isAuthFailure(error)) throw new WrongPassword();
    throw error;
  }
  if (vaultKey.length !== KEY_LENGTH) throw new VaultCorrupted('Vault key has a wrong length');
  return vaultKey;
}

/** Encrypts the plaintext under the vault key with a fresh IV. */
export async function sealData(
  subtle: SubtleCrypto,
  random: RandomBytes,
  vaultId: Uint8Array,
  vaultKey: Uint8Array,
  plaintext: Uint8Array,
): Promise<Pick<EnvelopeParts, 'dataIv' | 'ciphertext'>> {
  assertVaultKey(vaultKey);
  const dataIv = take(random, IV_LENGTH);
  const key = await importAesKey(subtle, vaultKey);
  return { dataIv, ciphertext: await gcmEncrypt(subtle, key, dataIv, plaintext, dataAad(vaultId)) };
}

/**
 * Decrypts the data section. The checksum already passed, so a failed tag here means tampering
 * (or a key that belongs to another vault): `vault/corrupted`, never a plaintext fallback.
 */
export async function openData(subtle: SubtleCrypto, parts: EnvelopeParts, vaultKey: Uint8Array): Promise<Uint8Array> {
  assertVaultKey(vaultKey);
  const key = await importAesKey(subtle, vaultKey);
  try {
    return await gcmDecrypt(subtle, key, parts.dataIv, parts.ciphertext, dataAad(parts.vaultId));
  } catch (error) {
    if (isAuthFailure(error)) throw new VaultCorrupted('Vault data failed authentication', { cause: error });
    throw error;
  }
}
