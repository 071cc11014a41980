/**
 * HAZMAT: AES-256-GCM (NIST SP 800-38D) through WebCrypto.
 *
 * 96-bit IVs (SP 800-38D §5.2.1.1 recommends exactly this length) drawn at random for every
 * encryption; with random IVs SP 800-38D §8.3 caps one key at 2^32 encryptions, far beyond the
 * writes a personal vault sees. The full 128-bit tag is used (§5.2.1.2).
 */
import { toBuffer } from './bytes';

export const IV_LENGTH = 12;
export const TAG_LENGTH = 16;
export const KEY_LENGTH = 32;

/** Imports 32 raw bytes as a non-extractable AES-GCM key. */
export async function importAesKey(subtle: SubtleCrypto, raw: Uint8Array): Promise<CryptoKey> {
  return subtle.importKey('raw', toBuffer(raw), { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** AES-GCM parameters: the full 128-bit tag; associated data where there is some. */
const gcmParams = (iv: Uint8Array, aad?: Uint8Array): AesGcmParams => ({
  name: 'AES-GCM',
  iv: toBuffer(iv),
  tagLength: 128,
  ...(aad === undefined ? {} : { additionalData: toBuffer(aad) }),
});

/** Ciphertext with the 16-byte tag appended (WebCrypto's output layout). */
export async function gcmEncrypt(
  subtle: SubtleCrypto,
  key: CryptoKey,
  iv: Uint8Array,
  plaintext: Uint8Array,
  additionalData?: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle.encrypt(gcmParams(iv, additionalData), key, toBuffer(plaintext)));
}

/** Decrypts and authenticates; rejects (an OperationError) on any tag mismatch. */
export async function gcmDecrypt(
  subtle: SubtleCrypto,
  key: CryptoKey,
  iv: Uint8Array,
  ciphertext: Uint8Array,
  additionalData?: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle.decrypt(gcmParams(iv, additionalData), key, toBuffer(ciphertext)));
}

/** A raw key (any AES length) for other apps' backups, imported for one use. */
const rawAesKey = (subtle: SubtleCrypto, raw: Uint8Array, usage: KeyUsage): Promise<CryptoKey> =>
  subtle.importKey('raw', toBuffer(raw), { name: 'AES-GCM' }, false, [usage]);

/** AES-GCM decryption of ciphertext||tag(16) under a raw key; rejects on a bad tag. */
export async function gcmOpen(
  subtle: SubtleCrypto,
  key: Uint8Array,
  iv: Uint8Array,
  sealed: Uint8Array,
  aad?: Uint8Array,
): Promise<Uint8Array> {
  return gcmDecrypt(subtle, await rawAesKey(subtle, key, 'decrypt'), iv, sealed, aad);
}

/** AES-GCM encryption under a raw key; returns ciphertext||tag(16). */
export async function gcmSeal(
  subtle: SubtleCrypto,
  key: Uint8Array,
  iv: Uint8Array,
  plain: Uint8Array,
  aad?: Uint8Array,
): Promise<Uint8Array> {
  return gcmEncrypt(subtle, await rawAesKey(subtle, key, 'encrypt'), iv, plain, aad);
}
