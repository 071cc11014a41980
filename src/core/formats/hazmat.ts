/**
 * HAZMAT: the primitives other apps' backups are built from, through WebCrypto (passed in,
 * ARCHITECTURE rule 2). Only AEAD/KDF plumbing: each format file documents its own layout.
 * Decrypt failures are rethrown as-is; the caller decides wrong password vs corrupt.
 */
import { decodeBase64 } from '../bytes/base64';
import { corrupt } from './import-errors';
import { concatBytes, toHex } from '../crypto/bytes';

export type Pbkdf2Hash = 'SHA-1' | 'SHA-256';

/** A copy over a plain ArrayBuffer (WebCrypto's BufferSource rejects shared buffers). */
export const buf = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

export const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

/** Strict UTF-8 decoding; invalid bytes are a corrupt file, not U+FFFD. */
export function fromUtf8(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw corrupt(`${what} is not UTF-8 text`, cause);
  }
}

export function fromHex(text: string, what: string): Uint8Array {
  if (text.length % 2 !== 0 || /[^0-9a-f]/i.test(text)) throw corrupt(`${what} is not hex`);
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

// Byte helpers shared with the vault envelope (one implementation of each).
export { concatBytes as concat, toHex };

const gcmParams = (iv: Uint8Array, aad?: Uint8Array): AesGcmParams => ({
  name: 'AES-GCM',
  iv: buf(iv),
  tagLength: 128,
  ...(aad === undefined ? {} : { additionalData: buf(aad) }),
});

async function aesKey(subtle: SubtleCrypto, raw: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  return subtle.importKey('raw', buf(raw), { name: 'AES-GCM' }, false, [usage]);
}

/** AES-GCM (NIST SP 800-38D) decryption of ciphertext||tag(16); rejects on a bad tag. */
export async function gcmOpen(subtle: SubtleCrypto, key: Uint8Array, iv: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await aesKey(subtle, key, 'decrypt');
  return new Uint8Array(await subtle.decrypt(gcmParams(iv, aad), cryptoKey, buf(sealed)));
}

/** AES-GCM encryption; returns ciphertext||tag(16). */
export async function gcmSeal(subtle: SubtleCrypto, key: Uint8Array, iv: Uint8Array, plain: Uint8Array, aad?: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await aesKey(subtle, key, 'encrypt');
  return new Uint8Array(await subtle.encrypt(gcmParams(iv, aad), cryptoKey, buf(plain)));
}

/** PBKDF2 (RFC 8018 §5.2) raw output of `bytes` bytes. */
export async function pbkdf2(subtle: SubtleCrypto, password: Uint8Array, salt: Uint8Array, iterations: number, hash: Pbkdf2Hash, bytes = 32): Promise<Uint8Array> {
  const base = await subtle.importKey('raw', buf(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash, salt: buf(salt), iterations }, base, bytes * 8);
  return new Uint8Array(bits);
}

export async function sha256(subtle: SubtleCrypto, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle.digest('SHA-256', buf(data)));
}

/** Base64 (standard or URL-safe) whose failure is a corrupt file. */
export function fromBase64(text: string, what: string): Uint8Array {
  try {
    return decodeBase64(text.trim());
  } catch (cause) {
    throw corrupt(`${what} is not base64`, cause);
  }
}

/** A random RFC 9562 §5.4 version-4 UUID from injected randomness. */
export function uuidFrom(random: (n: number) => Uint8Array): string {
  const b = random(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = toHex(b);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** WebCrypto and randomness, defaulting to `globalThis.crypto` (ARCHITECTURE rule 2). */
export function resolveDeps(deps: { subtle?: SubtleCrypto; random?: (n: number) => Uint8Array } = {}): {
  subtle: SubtleCrypto;
  random: (n: number) => Uint8Array;
} {
  return {
    subtle: deps.subtle ?? globalThis.crypto.subtle,
    random: deps.random ?? ((n) => globalThis.crypto.getRandomValues(new Uint8Array(n))),
  };
}
