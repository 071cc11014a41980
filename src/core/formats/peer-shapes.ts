/**
 * Shapes of other apps' encrypted exports (no crypto here: recognising a file must not load a KDF).
 * Each decrypting module documents its format; these only say "this is one".
 */
import { CoreError } from '../errors';
import { isRecord, type JsonRecord } from './json-read';

/** Bitwarden: password-protected, or account-restricted (`encrypted: true` with encrypted `items`). */
export const isBitwardenEncrypted = (json: unknown): json is JsonRecord =>
  isRecord(json) && json['encrypted'] === true && (Array.isArray(json['items']) || json['passwordProtected'] === true);

export const accountRestricted = (): CoreError =>
  new CoreError(
    'import/account-restricted',
    'This Bitwarden export is encrypted with the Bitwarden account key and cannot be read outside Bitwarden',
    'data',
  );

/** Ente Auth: `{ version, kdfParams, encryptedData, encryptionNonce }`. */
export const isEnteEncrypted = (json: unknown): json is JsonRecord =>
  isRecord(json) &&
  isRecord(json['kdfParams']) &&
  typeof json['encryptedData'] === 'string' &&
  typeof json['encryptionNonce'] === 'string';

export const isAuthenticatorKey = (value: unknown): value is JsonRecord =>
  isRecord(value) && value['dataType'] === 'Key';
export const isAuthenticatorEncEntry = (value: unknown): value is JsonRecord =>
  isRecord(value) && value['dataType'] === 'EncOTPStorage';

/** Authenticator extension v3: at least one `Key` and one `EncOTPStorage` entry. */
export const isAuthenticatorV3 = (json: unknown): json is JsonRecord =>
  isRecord(json) && Object.values(json).some(isAuthenticatorKey) && Object.values(json).some(isAuthenticatorEncEntry);
