import { MAX_BACKUP_CODE_LENGTH, updateAccount } from '../../core/vault';
import type { BackupCodeView } from '../../shared/protocol';
import { BackgroundError } from '../errors';
import type { Services } from './context';

/** The most codes a list may grow to here (a site gives 5–30). */
export const MAX_BACKUP_CODES = 100;

/**
 * `backup-codes/set`: replace the list (add, paste, mark used); codes are trimmed, blanks dropped, a new
 * one longer than MAX_BACKUP_CODE_LENGTH refused (`backup-codes/too-long`), never cut. A
 * list may grow to MAX_BACKUP_CODES; one that is longer already (an import, a replaced key's codes
 * merged in) can still be marked and shortened, never lengthened.
 */
export function backupCodesSet({ vault }: Services, id: string, codes: BackupCodeView[]): Promise<BackupCodeView[]> {
  if (!Array.isArray(codes)) throw new BackgroundError('protocol/bad-request', 'Not a list of codes');
  const clean = codes
    .filter((c) => typeof c?.code === 'string' && c.code.trim() !== '')
    .map((c) => ({ code: c.code.trim(), used: c.used === true }));
  return vault.mutate((data, now) => {
    const list = data.accounts.find((a) => a.id === id)?.backupCodes ?? [];
    const stored = list.length;
    if (clean.length > Math.max(MAX_BACKUP_CODES, stored))
      throw new BackgroundError('protocol/bad-request', 'Too many codes');
    // Never cut: a cut recovery code is not the user's any more (a code already stored stays as it is).
    const known = new Set(list.map((c) => c.code));
    if (clean.some((c) => c.code.length > MAX_BACKUP_CODE_LENGTH && !known.has(c.code)))
      throw new BackgroundError('backup-codes/too-long', 'A backup code is too long');
    return { data: updateAccount(data, id, { backupCodes: clean }, { now }), result: clean };
  });
}
