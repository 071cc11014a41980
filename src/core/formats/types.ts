/**
 * Shared types of the import/export layer. Everything an import returns is secret (issuer,
 * label and sites reveal where the user has accounts), exactly like the vault itself.
 */
import type { ErrorCode } from '../errors';
import type { ParsedAccount } from '../otpauth-uri';
import type { BackupCode, FillOptions } from '../vault';
import type { CryptoDeps } from '../crypto';

/** Every file format `detectFormat` recognises by content. */
export const FORMAT_IDS = [
  'otpauth-list',
  'ente-auth',
  'aegis',
  'aegis-encrypted',
  'twofas',
  'twofas-encrypted',
  'andotp',
  'andotp-encrypted',
  'bitwarden-json',
  'bitwarden-csv',
  'proton-authenticator',
  'authenticator-ext',
  'authenticator-ext-encrypted',
  'clickauth-backup',
] as const;

export type FormatId = (typeof FORMAT_IDS)[number];

/** Formats that cannot be read without a password (`importFile` throws `import/needs-password`). */
export const ENCRYPTED_FORMATS: ReadonlySet<FormatId> = new Set([
  'aegis-encrypted',
  'twofas-encrypted',
  'andotp-encrypted',
  'authenticator-ext-encrypted',
  'clickauth-backup',
]);

/**
 * An account read from a file; our own backup also carries sites, backup codes, fill options, addedOn
 * and the pin (Aegis's "favorite" too).
 */
export type ImportedAccount = ParsedAccount & {
  sites?: string[];
  backupCodes?: BackupCode[];
  fill?: FillOptions;
  addedOn?: string;
  pinned?: boolean;
};

/**
 * An entry that was not imported. `code` is the stable reason: `import/unsupported-entry` for
 * what we cannot compute codes for (MD5, GOST, unknown types), `vault/duplicate` for a repeat
 * of an earlier entry of the same file, otherwise the validator's code (`uri/bad-secret`, ...).
 */
export interface SkippedEntry {
  /** "Issuer: account" (or whichever part exists); '' for an entry with no name (the page says "unnamed"). */
  name: string;
  /** For one-entry-per-line text: the entry's line (its text may hold the secret, so it is not the name). */
  line?: number;
  code: ErrorCode;
  reason: string;
}

export interface ImportResult {
  format: FormatId;
  accounts: ImportedAccount[];
  skipped: SkippedEntry[];
  /**
   * Google Authenticator exports split over several QR codes of which the text holds only some
   * (`otpauth-migration://` lines of one batch): the user would think everything moved.
   */
  incompleteExports?: { have: number; of: number }[];
}

/** Platform inputs of an import: the password (when the format needs one) and WebCrypto. */
export interface ImportOptions extends Pick<CryptoDeps, 'subtle'> {
  password?: string;
}

/** What every per-format importer returns before duplicates are flagged. */
export type EntriesResult = Omit<ImportResult, 'format'>;
