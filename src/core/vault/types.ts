/**
 * The vault's account model, schema version 4 (v2 added `fill`, v3 `fill.exactOrigin`, v4 per-origin `submitOn`/`appendOn`). Everything here is secret, not only `secret`:
 * issuer, label and sites reveal where the user has accounts (ARCHITECTURE rule 5), so the whole
 * document is encrypted by ../crypto and never logged.
 */
import type { Algorithm, OtpType } from '../otp/types';

/** The schema version `serializeVault` writes. Bump it only together with a new migration. */
export const CURRENT_VAULT_VERSION = 4;

/** Deleted accounts stay restorable this long (30 days), then `purgeTrash` drops them. */
export const TRASH_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The most backup codes one account holds, however they came (typed, from a setup page, an import, a
 * replaced key's codes merged in). Sites hand out 5–30; the popup grows a list to 100 itself
 * (backup-codes-set.ts). Every way in stays within this, and the popup's save (which sends the whole
 * list) accepts it: a list of 150 imported codes could not be ticked off ("request not understood").
 */
export const MAX_STORED_BACKUP_CODES = 1000;

/**
 * The longest backup code kept, in characters. Recovery codes run longer than one might think: Tuta's
 * is 64 hex digits in groups of four (79 characters), Proton's a phrase of 12 words. They were cut to 64
 * characters without a word, and the code saved was no longer the user's. A longer one is refused.
 */
export const MAX_BACKUP_CODE_LENGTH = 256;

export interface BackupCode {
  code: string;
  used: boolean;
}

/** How codes are filled on the account's sites (per-site options: the account is bound to its sites). */
export interface FillOptions {
  /**
   * Origins (scheme://host[:port]) where the form is submitted once the code is filled and read back
   * (v4: per origin, not per registrable domain, so `panel.example` can differ from `webmail.example`).
   */
  submitOn: string[];
  /** Origins that want password and code in one field: the code is appended to the typed password (v4). */
  appendOn: string[];
  /**
   * Codes only for the exact origins in `sites` (scheme, host and port), not for other subdomains or
   * ports of their sites: for sites whose subdomains hold other people's content (v3, off by default).
   */
  exactOrigin: boolean;
}

export const DEFAULT_FILL_OPTIONS: Readonly<FillOptions> = { submitOn: [], appendOn: [], exactOrigin: false };

export interface Account {
  /** Opaque, unique across accounts and trash; never derived from the secret. */
  id: string;
  type: OtpType;
  issuer: string;
  /** The label's account name (Key URI format "accountname"). */
  account: string;
  /** Raw key bytes (RFC 4226 §5.1 K). */
  secret: Uint8Array;
  algorithm: Algorithm;
  digits: number;
  period: number;
  counter: number;
  /** Origins (scheme://host[:port]) this account may fill codes on. */
  sites: string[];
  backupCodes: BackupCode[];
  /** Milliseconds since the Unix epoch. */
  createdAt: number;
  updatedAt: number;
  /** Manual sort position within the pinned / unpinned groups. */
  order: number;
  pinned: boolean;
  fill: FillOptions;
  /**
   * The origin of the setup page whose QR added it, so two accounts that look the same (a key kept
   * beside an older one) can be told apart. Absent for a typed or imported account, or an older one.
   */
  addedOn?: string;
}

export interface TrashEntry {
  account: Account;
  deletedAt: number;
}

export interface VaultData {
  version: typeof CURRENT_VAULT_VERSION;
  accounts: Account[];
  trash: TrashEntry[];
}

/** A vault with no accounts, as written by "create vault". */
export function emptyVault(): VaultData {
  return { version: CURRENT_VAULT_VERSION, accounts: [], trash: [] };
}
