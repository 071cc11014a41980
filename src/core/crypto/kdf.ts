/**
 * HAZMAT: password → key-wrapping key, PBKDF2-HMAC-SHA256 (RFC 8018 §5.2).
 *
 * Why PBKDF2 and not Argon2: it is the only password KDF in WebCrypto, so no WASM crypto ships in
 * the extension. OWASP's Password Storage Cheat Sheet (2023) asks for ≥ 600,000 iterations of
 * PBKDF2-HMAC-SHA256; that is the floor calibration never goes below.
 */
import { toBuffer } from './bytes';

/** OWASP 2023 minimum for PBKDF2-HMAC-SHA256. Vaults below it should be re-wrapped on unlock. */
export const CURRENT_MIN_ITERATIONS = 600_000;

/** RFC 8018 §4.1 asks for ≥ 64-bit salts; 128 bits also keeps salts unique across all users. */
export const SALT_LENGTH = 16;

/** The KDF identifiers a blob header may carry. */
export const KDF_PBKDF2_SHA256 = 1;

/**
 * The UTF-8 bytes of the NFC-normalized password, so "é" typed as one code point or as
 * "e" + combining accent (different keyboards, different OSes) derives the same key.
 */
export function passwordBytes(password: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(password.normalize('NFC'));
}

/**
 * Derives the AES-256-GCM key that wraps the vault key. Non-extractable; used for encrypt/decrypt
 * of the 32-byte vault key only. `iterations` must be an integer ≥ 1 (the caller owns the policy).
 */
export async function derivePasswordKey(
  subtle: SubtleCrypto,
  password: string,
  salt: Uint8Array,
  iterations: number,
): Promise<CryptoKey> {
  const secret = passwordBytes(password);
  try {
    const base = await subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey']);
    return await subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt: toBuffer(salt), iterations },
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  } finally {
    secret.fill(0);
  }
}

export type Pbkdf2Hash = 'SHA-1' | 'SHA-256';

/** PBKDF2 (RFC 8018 §5.2) raw output of `bytes` bytes, for other apps' backup formats. */
export async function pbkdf2(
  subtle: SubtleCrypto,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  hash: Pbkdf2Hash,
  bytes = 32,
): Promise<Uint8Array> {
  const base = await subtle.importKey('raw', toBuffer(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash, salt: toBuffer(salt), iterations }, base, bytes * 8);
  return new Uint8Array(bits);
}
