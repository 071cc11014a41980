/**
 * HAZMAT: Bitwarden's "type 2" cipher strings (bitwarden/clients EncString, EncryptionType
 * AesCbc256_HmacSha256_B64): `2.<iv b64>|<ciphertext b64>|<mac b64>`, AES-256-CBC with PKCS#7 and
 * HMAC-SHA256 over iv ‖ ciphertext, encrypt-then-MAC. The 64-byte key is the password key stretched
 * with HKDF-Expand (RFC 5869 §2.3, no extract step) into enc = Expand(k, "enc", 32) and
 * mac = Expand(k, "mac", 32) (KeyGenerationService.stretchKey). WebCrypto does AES and HMAC (the MAC
 * is checked in constant time by `verify`), @noble/hashes does the HKDF expand: WebCrypto HKDF always
 * runs the extract step first, and core/crypto/sha256.ts is a one-shot digest, not the hash HKDF iterates.
 */
import { expand } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, toBuffer } from './bytes';

export interface StretchedKey {
  enc: Uint8Array;
  mac: Uint8Array;
}

export interface CipherString {
  iv: Uint8Array;
  data: Uint8Array;
  mac: Uint8Array;
}

/** The MAC does not match: a wrong key, or a changed file. */
export class MacMismatchError extends Error {
  override readonly name = 'MacMismatchError';
}

const info = (text: string) => new TextEncoder().encode(text);

export function stretchKey(key: Uint8Array): StretchedKey {
  return { enc: expand(sha256, key, info('enc'), 32), mac: expand(sha256, key, info('mac'), 32) };
}

async function macKey(subtle: SubtleCrypto, key: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  return subtle.importKey('raw', toBuffer(key), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

/** Checks the MAC first (MacMismatchError), then decrypts; a bad padding after a good MAC rejects as is. */
export async function openCipherString(subtle: SubtleCrypto, key: StretchedKey, cs: CipherString): Promise<Uint8Array> {
  const ok = await subtle.verify(
    'HMAC',
    await macKey(subtle, key.mac, 'verify'),
    toBuffer(cs.mac),
    concatBytes(cs.iv, cs.data),
  );
  if (!ok) throw new MacMismatchError('cipher string MAC mismatch');
  const aes = await subtle.importKey('raw', toBuffer(key.enc), { name: 'AES-CBC' }, false, ['decrypt']);
  return new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv: toBuffer(cs.iv) }, aes, toBuffer(cs.data)));
}

/** Encrypts (for our tests; the importer only opens). */
export async function sealCipherString(
  subtle: SubtleCrypto,
  key: StretchedKey,
  iv: Uint8Array,
  plain: Uint8Array,
): Promise<CipherString> {
  const aes = await subtle.importKey('raw', toBuffer(key.enc), { name: 'AES-CBC' }, false, ['encrypt']);
  const data = new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv: toBuffer(iv) }, aes, toBuffer(plain)));
  const mac = new Uint8Array(await subtle.sign('HMAC', await macKey(subtle, key.mac, 'sign'), concatBytes(iv, data)));
  return { iv, data, mac };
}
