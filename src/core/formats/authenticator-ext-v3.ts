/**
 * The Authenticator extension's current encrypted backup (Authenticator-Extension/Authenticator,
 * "v3" encryption: src/store/Accounts.ts, src/argon.ts, src/import.ts decryptBackupData,
 * src/models/storage.ts getOTPStorageFromEntry, src/definitions/otp.d.ts). The file maps ids to
 * - keys `{ dataType: "Key", id, salt, hash, version: 3 }`, and
 * - entries `{ dataType: "EncOTPStorage", keyId, data, index }`, where `data` is CryptoJS
 *   `AES.encrypt(JSON.stringify(entry), passphrase)` of the plain entry, and the passphrase is the
 *   hash part (unpadded base64) of argon2-browser's encoded Argon2id(password, salt as UTF-8,
 *   t=2, m=19456 KiB, p=1, 32 bytes). `hash` is Argon2id of that passphrase (their password check);
 *   we check the password by decrypting instead (a wrong passphrase fails padding, UTF-8 or JSON),
 *   which needs no second, file-chosen KDF run.
 * Unencrypted entries may sit in the same file. The result is the extension's plain backup JSON.
 */
import { encodeBase64 } from '../bytes/base64';
import { argon2id, type Argon2Fn } from '../crypto/argon2';
import { CoreError } from '../errors';
import { cryptoJsDecrypt } from './cryptojs-aes';
import { utf8 } from './file-text';
import { corrupt, tooCostly, wrongPassword } from './import-errors';
import { isRecord, str, type JsonRecord } from './json-read';
import { checkArgon2, type KdfLimits } from './kdf-limits';
import { isAuthenticatorEncEntry, isAuthenticatorKey } from './peer-shapes';

/** argon2-browser parameters of src/argon.ts (fixed in code, not in the file). */
const ARGON = { iterations: 2, memoryKiB: 19456, parallelism: 1 };
const MAX_KEYS = 4;

async function passphrase(password: string, salt: string, argon2: Argon2Fn): Promise<string> {
  return encodeBase64(await argon2(utf8(password), utf8(salt), ARGON)).replace(/=+$/, '');
}

async function openEntry(subtle: SubtleCrypto, data: string, pass: string): Promise<JsonRecord | undefined> {
  try {
    const entry = JSON.parse(await cryptoJsDecrypt(subtle, data, pass)) as unknown;
    return isRecord(entry) ? entry : undefined;
  } catch (error) {
    if (error instanceof CoreError && error.code === 'import/corrupt') throw error;
    return undefined;
  }
}

/** The plain backup JSON (text) inside; every entry's key must open with the password. */
export async function decryptAuthenticatorV3(
  json: JsonRecord,
  password: string,
  subtle: SubtleCrypto,
  limits: KdfLimits,
  argon2: Argon2Fn = argon2id,
): Promise<string> {
  const keys = new Map(
    Object.values(json)
      .filter(isAuthenticatorKey)
      .map((key) => [str(key['id'], 'key.id'), str(key['salt'], 'key.salt')]),
  );
  if (keys.size > MAX_KEYS) throw tooCostly(`${keys.size} keys`);
  checkArgon2(ARGON.memoryKiB * 1024, ARGON.iterations, ARGON.parallelism, limits);
  const passes = new Map<string, string>();
  const opened = new Set<string>();
  // No prototype: an entry whose id is "__proto__" (ids are the file's to choose) is a key like any
  // other; on a `{}` it hit the prototype setter and vanished from the import without a word.
  const out = Object.create(null) as JsonRecord;
  for (const [id, value] of Object.entries(json)) {
    if (isAuthenticatorKey(value) || !isRecord(value)) continue;
    if (!isAuthenticatorEncEntry(value)) {
      out[id] = value;
      continue;
    }
    const keyId = str(value['keyId'], 'entry.keyId');
    const salt = keys.get(keyId);
    if (salt === undefined) throw corrupt('an entry names a key the file does not hold');
    let pass = passes.get(keyId);
    if (pass === undefined) passes.set(keyId, (pass = await passphrase(password, salt, argon2)));
    const entry = await openEntry(subtle, str(value['data'], 'entry.data'), pass);
    // The first entry under a key is the password check; after that, a failure is damage.
    if (entry === undefined) throw opened.has(keyId) ? corrupt('an entry does not decrypt') : wrongPassword();
    opened.add(keyId);
    out[id] = { ...entry, encrypted: false, dataType: 'OTPStorage' };
  }
  return JSON.stringify(out);
}
