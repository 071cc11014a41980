/**
 * Types of the restore-point and vault-notice messages (their records: ./messages/restore.ts).
 * Every message of this area is for extension pages only.
 */

/** What made a restore point (not secret: no account data). */
/**
 * `unreadable`: a current generation that decrypted but did not read, kept when the previous one opened
 * instead. `trash-purge`: the vault before a change also deleted for good what had been in the trash
 * for 30 days by the computer's clock (a clock set a month ahead must not lose them without a way back).
 */
export type RestoreReason =
  'import' | 'import-undo' | 'bulk-add' | 'password' | 'restore' | 'unreadable' | 'trash-purge';

export interface RestorePointView {
  id: string;
  at: number;
  reason: RestoreReason;
  /** Accounts in the point, read by decrypting it; null when it no longer opens. */
  count: number | null;
}

/** The popup's prompt to back up: accounts in no backup for 7 days, not dismissed in the last 7 days. */
export interface BackupPrompt {
  due: boolean;
  /** Accounts in no backup. */
  count: number;
}
