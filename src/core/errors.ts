/**
 * Typed errors for the pure core. Callers branch on the stable `code`
 * (the UI maps it to a localized message); `message` is developer English
 * and never contains secret material.
 */

/** Stable error codes. Renaming one is a breaking change for the UI's translations. */
export const ERROR_CODES = [
  'uri/not-otpauth',
  'uri/bad-type',
  'uri/missing-secret',
  'uri/bad-secret',
  'uri/bad-algorithm',
  'uri/bad-digits',
  'uri/bad-period',
  'uri/bad-counter',
  'uri/duplicate-param',
  'uri/malformed',
  'uri/secret-too-long',
  'base32/invalid',
  'otp/bad-params',
  'migration/bad-payload',
  'migration/unsupported-entry',
  'vault/wrong-password',
  'vault/corrupted',
  'vault/unsupported-version',
  'vault/weak-password',
  'vault/not-found',
  'vault/duplicate',
  'vault/full',
  'import/unrecognized',
  'import/corrupt',
  'import/wrong-password',
  'import/andotp-wrong-password',
  'import/needs-password',
  'import/too-large',
  'import/unsupported-entry',
  'import/unsupported-version',
  'import/too-costly',
  'import/account-restricted',
  'import/too-many',
  'import/in-trash',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Which input field an error is about, so a form can highlight it. */
export type Field =
  | 'scheme'
  | 'type'
  | 'label'
  | 'issuer'
  | 'secret'
  | 'algorithm'
  | 'digits'
  | 'period'
  | 'counter'
  | 'data'
  | 'password';

export class CoreError extends Error {
  override readonly name = 'CoreError';
  readonly code: ErrorCode;
  // `declare`: no class-field initializer, so the property is absent (not undefined) when unset.
  declare readonly field?: Field;

  constructor(code: ErrorCode, message: string, field?: Field, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    if (field !== undefined) this.field = field;
  }
}

/** Type guard; optionally narrows to one code. */
export function isCoreError(value: unknown, code?: ErrorCode): value is CoreError {
  return value instanceof CoreError && (code === undefined || value.code === code);
}

/** The password did not unwrap the vault key (the blob itself passed its checksum). */
export class WrongPassword extends CoreError {
  constructor(message = 'Wrong password', options?: { cause?: unknown }) {
    super('vault/wrong-password', message, 'password', options);
  }
}

/** The stored vault is damaged or was tampered with; never reported as a wrong password. */
export class VaultCorrupted extends CoreError {
  constructor(message = 'Vault data is corrupted', options?: { cause?: unknown }) {
    super('vault/corrupted', message, 'data', options);
  }
}

/** The stored vault was written by a newer (or unknown) format or schema version. */
export class UnsupportedVersion extends CoreError {
  constructor(message = 'Vault version is not supported', options?: { cause?: unknown }) {
    super('vault/unsupported-version', message, 'data', options);
  }
}

/**
 * Most active accounts a vault holds: the same bound as one import (formats/import-errors.ts
 * MAX_IMPORT_ACCOUNTS). Real vaults hold hundreds; the bound keeps a page (or a compromised renderer)
 * that confirms QR after QR from growing the vault, and every write of it, without end.
 */
export const MAX_VAULT_ACCOUNTS = 10_000;

/** The vault already holds MAX_VAULT_ACCOUNTS active accounts: nothing more is added. */
export class VaultFull extends CoreError {
  constructor(message = `The vault already holds ${MAX_VAULT_ACCOUNTS} accounts`) {
    super('vault/full', message, 'data');
  }
}

/** An account with the same type and secret is already in the vault. */
export class DuplicateAccount extends CoreError {
  readonly existingId: string;

  constructor(existingId: string, message = 'This account is already in the vault') {
    super('vault/duplicate', message, 'secret');
    this.existingId = existingId;
  }
}
