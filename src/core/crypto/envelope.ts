/**
 * HAZMAT: the vault envelope API. A random vault key encrypts the data (AES-256-GCM, NIST
 * SP 800-38D); a PBKDF2 password key (RFC 8018) wraps the vault key. Layout: ./blob-format.ts.
 *
 * Failure order (fail closed, never null, never plaintext):
 * damaged bytes → `vault/corrupted` (checked first, before any password work);
 * intact blob of a newer format → `vault/unsupported-version`;
 * key unwrap fails → `vault/wrong-password`; data fails after a good unwrap → `vault/corrupted`.
 */
import { assertIterations, decodeEnvelope, encodeEnvelope, FORMAT_VERSION, VAULT_ID_LENGTH } from './blob-format';
import { blobFromBase64, blobToBase64, toHex } from './bytes';
import { resolveDeps, type CryptoDeps } from './deps';
import { openData, sealData, take, unwrapVaultKey, wrapVaultKey } from './envelope-parts';
import { KEY_LENGTH } from './aes-gcm';
import { CoreError } from '../errors';

export interface CreateOptions extends CryptoDeps {
  /**
   * PBKDF2 iterations, any integer ≥ 1 (tests use ~1000). Production callers pass the result of
   * `calibrateIterations`, which never goes below CURRENT_MIN_ITERATIONS.
   */
  iterations: number;
}

export interface Unlocked {
  /** Raw 32-byte vault key, for a session cache (`storage.session`, cleared on lock). */
  vaultKey: Uint8Array;
  plaintext: Uint8Array;
  /** Iterations of the blob's KDF; below CURRENT_MIN_ITERATIONS → re-wrap now. */
  iterations: number;
}

export interface EnvelopeHeader {
  formatVersion: number;
  kdf: 'PBKDF2-HMAC-SHA256';
  iterations: number;
  /** Hex of the random 16-byte id; stable across seals and password changes. */
  vaultId: string;
}

/** An empty password is refused; strength policy beyond that belongs to the UI. */
export function assertPassword(password: string): void {
  if (password.normalize('NFC').length === 0) {
    throw new CoreError('vault/weak-password', 'The password is empty', 'password');
  }
}

/** Creates a new vault: fresh vault key, vault id, salt and IVs. */
export async function createEnvelope(
  password: string,
  plaintext: Uint8Array,
  options: CreateOptions,
): Promise<{ blob: string; vaultKey: Uint8Array }> {
  assertPassword(password);
  assertIterations(options.iterations);
  const { subtle, random } = resolveDeps(options);
  const vaultKey = take(random, KEY_LENGTH);
  const vaultId = take(random, VAULT_ID_LENGTH);
  const key = await wrapVaultKey(subtle, random, vaultId, vaultKey, password, options.iterations);
  const data = await sealData(subtle, random, vaultId, vaultKey, plaintext);
  const bytes = await encodeEnvelope(subtle, { vaultId, key, ...data });
  return { blob: blobToBase64(bytes), vaultKey };
}

/** Opens a vault with the password. */
export async function unlockEnvelope(blob: string, password: string, deps: CryptoDeps = {}): Promise<Unlocked> {
  const { subtle } = resolveDeps(deps);
  const parts = await decodeEnvelope(subtle, blobFromBase64(blob));
  const vaultKey = await unwrapVaultKey(subtle, parts, password);
  const plaintext = await openData(subtle, parts, vaultKey);
  return { vaultKey, plaintext, iterations: parts.key.iterations };
}

/** Reads the integrity-checked header (async: the checksum is a WebCrypto digest). */
export async function readEnvelopeHeader(blob: string, deps: CryptoDeps = {}): Promise<EnvelopeHeader> {
  const { subtle } = resolveDeps(deps);
  const parts = await decodeEnvelope(subtle, blobFromBase64(blob));
  return {
    formatVersion: FORMAT_VERSION,
    kdf: 'PBKDF2-HMAC-SHA256',
    iterations: parts.key.iterations,
    vaultId: toHex(parts.vaultId),
  };
}
