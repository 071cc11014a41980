/**
 * The import/export domain of the protocol map (merged into ToBackground in ./protocol.ts).
 * Every message here is for extension pages only (the options page). File contents travel as a
 * string: `text` as read, or `base64` for binary files (andOTP's encrypted export).
 */
import type { AccountView } from './protocol';
import type { importExportMessages } from './messages/import-export';
import type { MessageMap } from './messages/define';

/** A file (or pasted text) as the options page hands it to the background. */
export interface ImportPayload {
  data: string;
  encoding: 'text' | 'base64';
  /** For encrypted formats; without it they fail with `import/needs-password`. */
  password?: string;
}

/** One account of a preview: what a user recognises, never the secret. */
export interface ImportEntryView {
  issuer: string;
  account: string;
  type: 'totp' | 'hotp' | 'steam';
  sites: number;
  /**
   * Where it would fill codes: the hosts of its first sites (MAX_SITE_HOSTS), so a file that binds an
   * account to a site the user does not know (a crafted "backup" naming a phishing host) shows it.
   */
  siteHosts: string[];
  backupCodes: number;
  /** A new key for an account the vault has (same issuer and name, another secret): replace it or keep both. */
  replaces?: true;
}

export interface ImportDuplicateView {
  /** "Issuer: account" (or whichever part exists); '' for none (the page says "unnamed"). */
  name: string;
  /** `vault`: the same type and secret is already in the vault; `file`: repeated within the file. */
  where: 'vault' | 'file';
  /** `vault` only: the file's HOTP counter, ahead of the vault's copy, which the commit moves it to. */
  counter?: number;
  /** `vault` only: how many backup codes the file has that the vault's copy lacks (the commit adds them). */
  backupCodes?: number;
}

export interface ImportSkippedView {
  /** As ImportDuplicateView's; '' for an entry of a text named by its line. */
  name: string;
  /** The entry's line in a text of one entry per line (the page says "line 3" in its language). */
  line?: number;
  /** Stable reason (`import/unsupported-entry`, `uri/bad-secret`, ...), translated by the page. */
  code: string;
}

export interface ImportPreview {
  /** Names the decrypted file the background keeps (briefly, in memory) for `import/commit`. */
  previewId: string;
  format: string;
  add: ImportEntryView[];
  duplicates: ImportDuplicateView[];
  skipped: ImportSkippedView[];
  /** Google Authenticator exports of several QR codes of which only some are here ("1 of 3"). */
  incompleteExports?: { have: number; of: number }[];
}

/** The commit names its preview: the file is not sent (nor decrypted) again. */
export interface ImportCommitRequest {
  previewId: string;
  /** How many accounts the preview offered; a different plan now is `import/changed`. */
  expectedCount: number;
  /** Positions in the preview's `add` (entries marked `replaces`) whose old account goes to the trash; the others keep both. */
  replace?: number[];
}

export interface ImportCommitResult {
  /** Names the undo message; only the most recent import can be undone. */
  importId: string;
  added: AccountView[];
  /** Accounts already in the vault that took backup codes or a higher HOTP counter from the file. */
  updated: number;
}

export type ExportKind = 'clickauth-backup' | 'aegis-encrypted' | 'otpauth-list';

export interface ExportRequest {
  kind: ExportKind;
  /** Always required: exporting reveals every secret, so the user proves it is them. */
  masterPassword: string;
  /** The file's own password for encrypted kinds; omitted = the master password. */
  filePassword?: string;
}

export interface ExportFile {
  content: string;
  filename: string;
  mimeType: string;
  count: number;
}

/** The backup reminder: not secret (a timestamp and a count of accounts added since). */
export interface BackupStatus {
  lastBackupAt: number | null;
  /** Accounts created after the last backup (all accounts when there was none); null while locked. */
  addedSince: number | null;
}

export interface VerifyCounts {
  missing: number;
  extra: number;
  same: number;
  /** Of `same`: HOTP accounts the backup holds at a lower counter (codes were used since it was made). */
  olderCounter: number;
}

/** The import/export messages (records in ./messages/import-export.ts). */
export type ImportExportMessages = MessageMap<typeof importExportMessages>;
