/** Records of the restore-point and vault-notice messages: extension pages only; types in ../protocol-restore.ts. */
import type { BackupPrompt, RestorePointView } from '../protocol-restore';
import { payload, str } from '../validate/check';
import { message, PAGES, type NoFields } from './define';

const none = payload({});

export const restoreMessages = {
  'restore-points/list': message<NoFields, RestorePointView[]>(PAGES, none),
  /** Restores point `id`; the current vault becomes a restore point first (so this is undoable). */
  'restore-points/restore': message<{ id: string }, { count: number }>(PAGES, payload({ id: str(128, undefined, 1) })),
  'backup/prompt': message<NoFields, BackupPrompt>(PAGES, none),
  'backup/prompt-dismiss': message<NoFields, NoFields>(PAGES, none),
  /** When the vault last fell back to the previous generation (the current blob was damaged); read once. */
  'vault/recovery': message<NoFields, { recoveredAt: number | null }>(PAGES, none),
};
