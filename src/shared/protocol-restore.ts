/**
 * The restore-point and vault-notice domain of the protocol map (merged into ToBackground in
 * ./protocol.ts). Every message here is for extension pages only.
 */
import type { Msg, NoFields, SenderKind } from './protocol';

/** What made a restore point (not secret: no account data). */
export type RestoreReason = 'import' | 'import-undo' | 'bulk-add' | 'password' | 'restore';

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

export interface RestoreMessages {
  'restore-points/list': Msg<NoFields, RestorePointView[]>;
  /** Restores point `id`; the current vault becomes a restore point first (so this is undoable). */
  'restore-points/restore': Msg<{ id: string }, { count: number }>;
  'backup/prompt': Msg<NoFields, BackupPrompt>;
  'backup/prompt-dismiss': Msg<NoFields, NoFields>;
  /** When the vault last fell back to the previous generation (the current blob was damaged); read once. */
  'vault/recovery': Msg<NoFields, { recoveredAt: number | null }>;
}

const PAGES = ['extension-page'] as const satisfies readonly SenderKind[];

export const restoreSenders: { readonly [K in keyof RestoreMessages]: readonly SenderKind[] } = {
  'restore-points/list': PAGES,
  'restore-points/restore': PAGES,
  'backup/prompt': PAGES,
  'backup/prompt-dismiss': PAGES,
  'vault/recovery': PAGES,
};
