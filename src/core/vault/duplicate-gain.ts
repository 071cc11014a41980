/**
 * An imported copy of a key the vault has (a duplicate: same type and key bytes) is not added, but what
 * it holds beyond the vault's copy is not dropped with it: backup codes the vault's copy lacks (a
 * site's recovery codes) and a higher HOTP counter (RFC 4226 §7.2: the codes below it were used on the
 * other copy, and the server has moved past them). The vault's copy keeps everything else: its id,
 * names, sites and fill options (where a code fills is not the file's to widen unseen), and the "used"
 * marks of the codes it has. Pure.
 */
import { MAX_STORED_BACKUP_CODES, type Account, type BackupCode } from './types';
import type { NewAccount } from './operations';

export interface DuplicateGain {
  /** The vault's copy, by id. */
  id: string;
  /** The file's HOTP counter, when it is ahead of the vault's copy. */
  counter?: number;
  /** The file's backup codes the vault's copy does not have (by their text), in the file's order. */
  backupCodes?: BackupCode[];
}

/** What `incoming` (the same key as `existing`) would give `existing`; undefined when nothing. */
export function duplicateGain(
  existing: Account,
  incoming: Pick<NewAccount, 'type' | 'counter' | 'backupCodes'>,
): DuplicateGain | undefined {
  const have = new Set(existing.backupCodes.map((c) => c.code));
  const codes: BackupCode[] = [];
  const room = MAX_STORED_BACKUP_CODES - existing.backupCodes.length;
  for (const code of incoming.backupCodes ?? []) {
    if (codes.length >= room) break; // at most MAX_STORED_BACKUP_CODES (types.ts)
    if (have.has(code.code)) continue;
    have.add(code.code);
    codes.push({ code: code.code, used: code.used });
  }
  const ahead = existing.type === 'hotp' && incoming.counter > existing.counter;
  if (!ahead && codes.length === 0) return undefined;
  return {
    id: existing.id,
    ...(ahead && { counter: incoming.counter }),
    ...(codes.length > 0 && { backupCodes: codes }),
  };
}

/** `account` with `gain` applied (the gain is re-checked against the account as it is now). */
export function withGain(account: Account, gain: DuplicateGain, now: number): Account {
  const have = new Set(account.backupCodes.map((c) => c.code));
  const codes = (gain.backupCodes ?? [])
    .filter((c) => !have.has(c.code))
    .slice(0, Math.max(0, MAX_STORED_BACKUP_CODES - account.backupCodes.length))
    .map((c) => ({ ...c }));
  const counter = Math.max(account.counter, gain.counter ?? 0);
  if (codes.length === 0 && counter === account.counter) return account;
  return { ...account, counter, backupCodes: [...account.backupCodes, ...codes], updatedAt: now };
}
