/**
 * Bitwarden password-protected JSON export (bitwarden/clients vault-export-core
 * BitwardenPasswordProtectedFileFormat; importer bitwarden-password-protected-importer.ts,
 * password-protected-kdf-config.ts): `{ encrypted: true, passwordProtected: true, salt, kdfType,
 * kdfIterations, kdfMemory?, kdfParallelism?, encKeyValidation_DO_NOT_EDIT, data }`.
 * Key (KeyGenerationService.deriveVaultExportKey): kdfType 0 = PBKDF2-SHA256(password, salt as UTF-8
 * text, iterations, 32); kdfType 1 = Argon2id(password, SHA-256(salt text), iterations,
 * kdfMemory MiB, kdfParallelism, 32); then stretched (core/crypto/aes-cbc-hmac.ts). The validation
 * string opening proves the password; `data` holds the unencrypted JSON export.
 * An account-restricted export (`encrypted: true`, no `passwordProtected`) is encrypted with the
 * account's own key, which never leaves Bitwarden: `import/account-restricted`.
 */
import { argon2id, type Argon2Fn } from '../crypto/argon2';
import {
  MacMismatchError,
  openCipherString,
  stretchKey,
  type CipherString,
  type StretchedKey,
} from '../crypto/aes-cbc-hmac';
import { pbkdf2, sha256 } from '../crypto';
import { CoreError } from '../errors';
import { fromBase64, fromUtf8, utf8 } from './file-text';
import { corrupt, wrongPassword } from './import-errors';
import { checkArgon2, checkPbkdf2, type KdfLimits } from './kdf-limits';
import { num, str, type JsonRecord } from './json-read';
import { accountRestricted } from './peer-shapes';

const PBKDF2_SHA256 = 0;
const ARGON2ID = 1;
const MiB = 1024 * 1024;

/** `2.iv|data|mac` (EncryptionType 2); every other type is not what an export writes. */
export function parseCipherString(text: string, what: string): CipherString {
  const match = /^2\.([^|]+)\|([^|]+)\|([^|]+)$/.exec(text.trim());
  if (!match) throw corrupt(`${what} is not a Bitwarden type-2 cipher string`);
  const iv = fromBase64(match[1]!, what);
  const data = fromBase64(match[2]!, what);
  const mac = fromBase64(match[3]!, what);
  if (iv.length !== 16 || mac.length !== 32 || data.length === 0 || data.length % 16 !== 0)
    throw corrupt(`${what} has the wrong sizes`);
  return { iv, data, mac };
}

async function deriveKey(
  json: JsonRecord,
  password: string,
  subtle: SubtleCrypto,
  limits: KdfLimits,
  argon2: Argon2Fn,
): Promise<Uint8Array> {
  const salt = str(json['salt'], 'salt');
  const iterations = num(json['kdfIterations'], 'kdfIterations');
  if (!Number.isInteger(iterations) || iterations < 1) throw corrupt('implausible kdfIterations');
  if (json['kdfType'] === PBKDF2_SHA256) {
    checkPbkdf2(iterations, limits);
    return pbkdf2(subtle, utf8(password), utf8(salt), iterations, 'SHA-256');
  }
  if (json['kdfType'] !== ARGON2ID)
    throw new CoreError(
      'import/unsupported-version',
      `Bitwarden kdfType ${typeof json['kdfType'] === 'number' ? json['kdfType'] : typeof json['kdfType']}`,
      'data',
    );
  const memory = num(json['kdfMemory'], 'kdfMemory');
  const parallelism = num(json['kdfParallelism'], 'kdfParallelism');
  if (![memory, parallelism].every((n) => Number.isInteger(n) && n >= 1))
    throw corrupt('implausible Argon2 parameters');
  checkArgon2(memory * MiB, iterations, parallelism, limits);
  return argon2(utf8(password), await sha256(subtle, utf8(salt)), {
    iterations,
    memoryKiB: memory * 1024,
    parallelism,
  });
}

async function open(subtle: SubtleCrypto, key: StretchedKey, cs: CipherString, what: string): Promise<string> {
  try {
    return fromUtf8(await openCipherString(subtle, key, cs), what);
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw corrupt(`${what} does not decrypt`, error);
  }
}

/** The unencrypted Bitwarden JSON export inside a password-protected one. */
export async function decryptBitwardenExport(
  json: JsonRecord,
  password: string,
  subtle: SubtleCrypto,
  limits: KdfLimits,
  argon2: Argon2Fn = argon2id,
): Promise<string> {
  if (json['passwordProtected'] !== true) throw accountRestricted();
  const validation = parseCipherString(
    str(json['encKeyValidation_DO_NOT_EDIT'], 'encKeyValidation_DO_NOT_EDIT'),
    'the key check',
  );
  const data = parseCipherString(str(json['data'], 'data'), 'data');
  const key = stretchKey(await deriveKey(json, password, subtle, limits, argon2));
  try {
    await openCipherString(subtle, key, validation);
  } catch (error) {
    if (error instanceof MacMismatchError) throw wrongPassword(error);
    throw corrupt('the key check does not decrypt', error);
  }
  return open(subtle, key, data, 'the export data');
}
