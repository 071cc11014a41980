/**
 * HAZMAT, legacy, decrypt-only: CryptoJS `AES.encrypt(text, passphrase)` output, i.e. OpenSSL's
 * `enc -aes-256-cbc -md md5` format: base64("Salted__" ‖ salt(8) ‖ ciphertext), key and IV from
 * EVP_BytesToKey(MD5, passphrase, salt, 1 round) (OpenSSL crypto/evp/evp_key.c), PKCS#7 padding.
 * Unauthenticated: a wrong passphrase shows up only as bad padding or garbage, which the caller
 * must check. Used only to read old Authenticator-extension backups; never for writing.
 */
import { md5 } from '@noble/hashes/legacy.js';
import { toBuffer as buf, concatBytes as concat } from '../crypto';
import { fromBase64, utf8 } from './file-text';
import { corrupt } from './import-errors';

const SALTED = utf8('Salted__');

/** EVP_BytesToKey with MD5 and one iteration: D_i = MD5(D_{i-1} ‖ pass ‖ salt) until 48 bytes. */
function evpBytesToKey(passphrase: Uint8Array, salt: Uint8Array): { key: Uint8Array; iv: Uint8Array } {
  let derived = new Uint8Array(0);
  let block = new Uint8Array(0);
  while (derived.length < 48) {
    block = md5(concat(block, passphrase, salt));
    derived = concat(derived, block);
  }
  return { key: derived.subarray(0, 32), iv: derived.subarray(32, 48) };
}

export const isCryptoJsCiphertext = (text: string): boolean => text.trim().startsWith('U2FsdGVkX1');

/** Decrypts to UTF-8 text; rejects (any error) when the passphrase is wrong or the data damaged. */
export async function cryptoJsDecrypt(subtle: SubtleCrypto, text: string, passphrase: string): Promise<string> {
  const data = fromBase64(text, 'an encrypted secret');
  if (data.length < 32 || !SALTED.every((byte, i) => data[i] === byte) || (data.length - 16) % 16 !== 0) {
    throw corrupt('not an OpenSSL "Salted__" ciphertext');
  }
  const { key, iv } = evpBytesToKey(utf8(passphrase), data.subarray(8, 16));
  const cryptoKey = await subtle.importKey('raw', buf(key), { name: 'AES-CBC' }, false, ['decrypt']);
  const plain = await subtle.decrypt({ name: 'AES-CBC', iv: buf(iv) }, cryptoKey, buf(data.subarray(16)));
  return new TextDecoder('utf-8', { fatal: true }).decode(plain);
}
