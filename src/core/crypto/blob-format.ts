/**
 * HAZMAT: the binary layout of a sealed vault ("envelope"), format version 1.
 *
 * ```
 * offset  size  field
 *      0     3  magic "CAV"                       ┐ data AAD: identifies format and vault;
 *      3     1  format version (1)                │ survives password changes
 *      4    16  vault id (random)                 ┘
 *     20     1  kdf id (1 = PBKDF2-HMAC-SHA256)   ┐
 *     21     4  iterations, u32 big-endian        │ key section; bytes 0..41 are the wrap AAD,
 *     25    16  salt                              │ binding the KDF parameters to the wrapped key
 *     41    12  wrap IV                           │
 *     53    48  wrapped vault key (32 + 16 tag)   ┘
 *    101    12  data IV                           ┐ data section: unchanged by a re-wrap
 *    113   n+16 data ciphertext + tag             ┘
 *  end-32   32  SHA-256 of every preceding byte
 * ```
 *
 * Frame invariant, promised for EVERY future format version: magic, then a version byte, and a
 * trailing SHA-256 of all preceding bytes. Decoding therefore checks magic → checksum → version:
 * any flipped byte (the version byte included) is `vault/corrupted`, while an intact blob from a
 * newer version is `vault/unsupported-version`. The checksum detects accidents (storage damage)
 * before any password work, so damage is never reported as a wrong password; authenticity comes
 * from GCM (NIST SP 800-38D), not from this unkeyed hash.
 */
import { bytesEqual, concatBytes, readU32be, toBuffer, u32be } from './bytes';
import { IV_LENGTH, KEY_LENGTH, TAG_LENGTH } from './aes-gcm';
import { KDF_PBKDF2_SHA256, SALT_LENGTH } from './kdf';
import { sha256 } from './sha256';
import { UnsupportedVersion, VaultCorrupted } from '../errors';

export const MAGIC = Uint8Array.of(0x43, 0x41, 0x56); // "CAV"
export const FORMAT_VERSION = 1;
export const VAULT_ID_LENGTH = 16;
const CHECKSUM_LENGTH = 32;
const WRAPPED_KEY_LENGTH = KEY_LENGTH + TAG_LENGTH;

/** Offsets of format version 1 (see the table above). */
export const LAYOUT = {
  version: 3,
  vaultId: 4,
  kdfId: 20,
  iterations: 21,
  salt: 25,
  wrapIv: 41,
  wrappedKey: 53,
  dataIv: 101,
  ciphertext: 113,
} as const;

const MIN_LENGTH = LAYOUT.ciphertext + TAG_LENGTH + CHECKSUM_LENGTH;

export interface KeySection {
  kdfId: number;
  iterations: number;
  salt: Uint8Array;
  wrapIv: Uint8Array;
  wrappedKey: Uint8Array;
}

export interface EnvelopeParts {
  vaultId: Uint8Array;
  key: KeySection;
  dataIv: Uint8Array;
  ciphertext: Uint8Array;
}

/** Additional data of the vault ciphertext: magic, version and vault id (not the key section). */
export function dataAad(vaultId: Uint8Array): Uint8Array<ArrayBuffer> {
  return concatBytes(MAGIC, Uint8Array.of(FORMAT_VERSION), vaultId);
}

/** Additional data of the wrapped key: the data AAD plus kdf id, iterations and salt. */
export function keyAad(vaultId: Uint8Array, key: Pick<KeySection, 'kdfId' | 'iterations' | 'salt'>): Uint8Array {
  return concatBytes(dataAad(vaultId), Uint8Array.of(key.kdfId), u32be(key.iterations), key.salt);
}

/** Serializes the parts and appends the checksum. */
export async function encodeEnvelope(subtle: SubtleCrypto, parts: EnvelopeParts): Promise<Uint8Array> {
  const { vaultId, key, dataIv, ciphertext } = parts;
  const sizes: [Uint8Array, number][] = [
    [vaultId, VAULT_ID_LENGTH],
    [key.salt, SALT_LENGTH],
    [key.wrapIv, IV_LENGTH],
    [key.wrappedKey, WRAPPED_KEY_LENGTH],
    [dataIv, IV_LENGTH],
  ];
  if (sizes.some(([part, size]) => part.length !== size) || ciphertext.length < TAG_LENGTH) {
    throw new RangeError('envelope part has a wrong length');
  }
  assertIterations(key.iterations);
  const body = concatBytes(keyAad(vaultId, key), key.wrapIv, key.wrappedKey, dataIv, ciphertext);
  return concatBytes(body, await sha256(subtle, body));
}

/** Parses and integrity-checks a blob; throws `vault/corrupted` or `vault/unsupported-version`. */
export async function decodeEnvelope(subtle: SubtleCrypto, blob: Uint8Array): Promise<EnvelopeParts> {
  if (blob.length < MAGIC.length + 1 + CHECKSUM_LENGTH) throw new VaultCorrupted('Vault blob is truncated');
  if (!bytesEqual(blob.subarray(0, MAGIC.length), MAGIC)) throw new VaultCorrupted('Not a vault blob');
  const body = blob.subarray(0, blob.length - CHECKSUM_LENGTH);
  const checksum = blob.subarray(blob.length - CHECKSUM_LENGTH);
  if (!bytesEqual(await sha256(subtle, body), checksum)) throw new VaultCorrupted('Vault checksum mismatch');

  const version = blob[LAYOUT.version];
  if (version !== FORMAT_VERSION) throw new UnsupportedVersion(`Unsupported vault format ${String(version)}`);
  if (blob.length < MIN_LENGTH) throw new VaultCorrupted('Vault blob is truncated');
  const kdfId = blob[LAYOUT.kdfId];
  if (kdfId !== KDF_PBKDF2_SHA256) throw new UnsupportedVersion(`Unsupported key derivation ${String(kdfId)}`);
  const iterations = readU32be(blob, LAYOUT.iterations);
  if (iterations < 1) throw new VaultCorrupted('Vault header has zero iterations');

  const slice = (start: number, length: number): Uint8Array => toBuffer(blob.subarray(start, start + length));
  return {
    vaultId: slice(LAYOUT.vaultId, VAULT_ID_LENGTH),
    key: {
      kdfId,
      iterations,
      salt: slice(LAYOUT.salt, SALT_LENGTH),
      wrapIv: slice(LAYOUT.wrapIv, IV_LENGTH),
      wrappedKey: slice(LAYOUT.wrappedKey, WRAPPED_KEY_LENGTH),
    },
    dataIv: slice(LAYOUT.dataIv, IV_LENGTH),
    ciphertext: toBuffer(body.subarray(LAYOUT.ciphertext)),
  };
}

/**
 * Iterations must fit the u32 header field and be ≥ 1 (RFC 8018 §5.2 "c, a positive integer").
 * The 600,000 policy floor is the caller's (calibration, re-wrap on unlock), so tests can use
 * small counts; a violation here is a programming error, hence RangeError, not a CoreError.
 */
export function assertIterations(iterations: number): void {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 0xffff_ffff) {
    throw new RangeError(`iterations must be an integer in [1, 2^32 - 1], got ${iterations}`);
  }
}
