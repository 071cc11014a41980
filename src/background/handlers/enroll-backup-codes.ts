import { updateAccount } from '../../core/vault';
import type { SenderLike } from '../../shared/sender';
import { BackgroundError } from '../errors';
import { lookup, whereFrom } from '../enroll/pending';
import { senderOrigin } from '../../shared/sender';
import type { Services } from './context';
import { MAX_BACKUP_CODES } from './backup-codes-set';

/**
 * `enroll/backup-codes` (content scripts): the setup page showed its backup codes after the QR the
 * user enrolled, and the user chose to keep them. Stored with exactly the account that QR added.
 */
export async function enrollBackupCodes(
  { vault }: Services,
  token: string,
  codes: string[],
  sender: SenderLike,
): Promise<{ saved: number }> {
  const entry = lookup(token, whereFrom(sender, senderOrigin(sender)));
  const id = entry?.added[0];
  if (!id || entry.added.length !== 1)
    throw new BackgroundError('protocol/bad-request', 'Unknown or expired enrollment');
  // A QR read from a screenshot may be another site's: the page's backup codes are not its to add to.
  if (entry.captured) throw new BackgroundError('protocol/bad-request', 'No backup codes for a captured QR');
  if (!Array.isArray(codes) || codes.length > 30 || codes.some((c) => typeof c !== 'string' || c.length > 64)) {
    throw new BackgroundError('protocol/bad-request', 'Not a list of backup codes');
  }
  return vault.mutate((data, now) => {
    const account = data.accounts.find((a) => a.id === id);
    if (!account) throw new BackgroundError('protocol/bad-request', 'The account was removed');
    const known = new Set(account.backupCodes.map((c) => c.code));
    // At most MAX_BACKUP_CODES in all, as the popup's list may hold (backup-codes-set.ts).
    const room = Math.max(0, MAX_BACKUP_CODES - account.backupCodes.length);
    const fresh = [...new Set(codes.map((c) => c.trim()))].filter((c) => c && !known.has(c)).slice(0, room);
    const backupCodes = [...account.backupCodes, ...fresh.map((code) => ({ code, used: false }))];
    return { data: updateAccount(data, id, { backupCodes }, { now }), result: { saved: fresh.length } };
  });
}
