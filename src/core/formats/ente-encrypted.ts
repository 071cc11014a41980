/**
 * Ente Auth encrypted export (ente-io/ente docs/docs/auth/migration/export.md; auth/lib/ui/settings/
 * data/export_widget.dart and import/encrypted_ente_import.dart): JSON
 * `{ version: 1, kdfParams: { memLimit, opsLimit, salt }, encryptedData, encryptionNonce }`, base64.
 * Key = libsodium crypto_pwhash argon2id13 (password UTF-8, 16-byte salt, opsLimit passes, memLimit
 * bytes → memLimit/1024 KiB, one lane, 32 bytes). `encryptionNonce` is in fact the secretstream
 * header: CryptoUtil.encryptChaCha pushes the whole text as one TAG_FINAL message of
 * crypto_secretstream_xchacha20poly1305. The plaintext is one otpauth:// URI per line.
 */
import { argon2id, type Argon2Fn } from '../crypto/argon2';
import { initPull, pull, SECRETSTREAM_ABYTES, SecretstreamAuthError, TAG_FINAL } from '../crypto/secretstream';
import { CoreError } from '../errors';
import { checkArgon2, type KdfLimits } from './kdf-limits';
import { fromBase64, fromUtf8, utf8 } from './file-text';
import { corrupt, wrongPassword } from './import-errors';
import { num, rec, str, type JsonRecord } from './json-read';

function kdfParams(json: JsonRecord, limits: KdfLimits) {
  const params = rec(json['kdfParams'], 'kdfParams');
  const memLimit = num(params['memLimit'], 'kdfParams.memLimit');
  const opsLimit = num(params['opsLimit'], 'kdfParams.opsLimit');
  // libsodium's own bounds for argon2id: memlimit ≥ 8192 bytes, opslimit ≥ 1.
  if (!Number.isInteger(memLimit) || !Number.isInteger(opsLimit) || memLimit < 8192 || opsLimit < 1)
    throw corrupt('implausible kdfParams');
  checkArgon2(memLimit, opsLimit, 1, limits);
  const salt = fromBase64(str(params['salt'], 'kdfParams.salt'), 'kdfParams.salt');
  if (salt.length !== 16) throw corrupt('the salt is not 16 bytes');
  return { memLimit, opsLimit, salt };
}

/** The otpauth:// lines inside; `import/wrong-password` when the password (or the data) does not open it. */
export async function decryptEnteExport(
  json: JsonRecord,
  password: string,
  limits: KdfLimits,
  argon2: Argon2Fn = argon2id,
): Promise<string> {
  if (json['version'] !== 1)
    throw new CoreError(
      'import/unsupported-version',
      `Ente export version ${typeof json['version'] === 'number' ? json['version'] : typeof json['version']}`,
      'data',
    );
  const { memLimit, opsLimit, salt } = kdfParams(json, limits);
  const header = fromBase64(str(json['encryptionNonce'], 'encryptionNonce'), 'encryptionNonce');
  const sealed = fromBase64(str(json['encryptedData'], 'encryptedData'), 'encryptedData');
  if (header.length !== 24) throw corrupt('the encryption header is not 24 bytes');
  if (sealed.length < SECRETSTREAM_ABYTES) throw corrupt('the encrypted data is too short');
  const key = await argon2(utf8(password), salt, {
    iterations: opsLimit,
    memoryKiB: Math.floor(memLimit / 1024),
    parallelism: 1,
  });
  let opened: { message: Uint8Array; tag: number };
  try {
    opened = pull(initPull(key, header), sealed);
  } catch (error) {
    if (error instanceof SecretstreamAuthError) throw wrongPassword(error);
    throw error;
  }
  // Ente writes one FINAL message; anything else is not a whole export.
  if (opened.tag !== TAG_FINAL) throw corrupt('the encrypted stream does not end');
  return fromUtf8(opened.message, 'the decrypted export');
}
