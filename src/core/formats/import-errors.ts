/** Typed errors of the import layer (ARCHITECTURE rule 7: a stable code, words at the edge). */
import { CoreError, isCoreError, MAX_VAULT_ACCOUNTS, type ErrorCode } from '../errors';

export const unrecognized = (what = 'This file is not in a format we can import'): CoreError =>
  new CoreError('import/unrecognized', what, 'data');

export const corrupt = (what: string, cause?: unknown): CoreError =>
  new CoreError('import/corrupt', `The file is damaged or truncated: ${what}`, 'data', { cause });

export const wrongPassword = (cause?: unknown): CoreError =>
  new CoreError('import/wrong-password', 'The password does not decrypt this file', 'password', { cause });

/**
 * An encrypted andOTP backup has no magic number, so every binary file we do not otherwise know is
 * tried as one: when it does not open, the file may well be something else (a key database, an
 * archive), and the message says so instead of blaming the password alone.
 */
export const andOtpWrongPassword = (cause?: unknown): CoreError =>
  new CoreError(
    'import/andotp-wrong-password',
    'The password does not decrypt this file, or it is not an andOTP backup',
    'password',
    { cause },
  );

/** Codes after which the UI asks for the file's password (again). */
export const PASSWORD_CODES: ReadonlySet<string> = new Set([
  'import/needs-password',
  'import/wrong-password',
  'import/andotp-wrong-password',
]);

/** Most accounts one import may hold: real exports have hundreds; each is one vault entry to write. */
export const MAX_IMPORT_ACCOUNTS = MAX_VAULT_ACCOUNTS;

/** More entries than any real export holds: refused before they are read one by one. */
export const tooMany = (count: number): CoreError =>
  new CoreError(
    'import/too-many',
    `The file holds ${count} entries; at most ${MAX_IMPORT_ACCOUNTS} accounts are imported at once`,
    'data',
  );

export const needsPassword = (): CoreError =>
  new CoreError('import/needs-password', 'This file is encrypted: a password is required', 'password');

/** A file whose key derivation would cost more than its own app ever asks for: refused before any work. */
export const tooCostly = (what: string): CoreError =>
  new CoreError('import/too-costly', `The file asks for too much key-derivation work: ${what}`, 'data');

/** An entry the exporting app holds in its trash (the user deleted it there): listed, not imported. */
export const inTrash = (): CoreError =>
  new CoreError('import/in-trash', "The entry is in the exporting app's trash", 'data');

export const unsupportedEntry = (what: string): CoreError =>
  new CoreError('import/unsupported-entry', `Unsupported entry: ${what}`, 'data');

/** Codes that mean "we cannot compute codes for this entry" rather than "the entry is malformed". */
const UNSUPPORTED: ReadonlySet<ErrorCode> = new Set([
  'uri/bad-algorithm',
  'uri/bad-type',
  'migration/unsupported-entry',
]);

/** The code and reason recorded for an entry that failed; rethrows anything that is not a CoreError. */
export function skipReason(error: unknown): { code: ErrorCode; reason: string } {
  if (!isCoreError(error)) throw error;
  const code = UNSUPPORTED.has(error.code) ? 'import/unsupported-entry' : error.code;
  return { code, reason: error.message };
}

/** Runs `read`; a non-CoreError (a bug or a JSON shape we did not expect) becomes `import/corrupt`. */
export async function asCorrupt<T>(what: string, read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isCoreError(error)) throw error;
    throw corrupt(what, error);
  }
}
