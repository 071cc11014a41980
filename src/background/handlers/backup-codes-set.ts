import { updateAccount } from '../../core/vault';
import type { BackupCodeView } from '../../shared/protocol';
import { BackgroundError } from '../errors';
import type { Services } from './context';

const MAX_CODES = 100;

/** `backup-codes/set`: replace the list (add, paste, mark used); codes are trimmed, blanks dropped. */
export function backupCodesSet({ vault }: Services, id: string, codes: BackupCodeView[]): Promise<BackupCodeView[]> {
  if (!Array.isArray(codes) || codes.length > MAX_CODES)
    throw new BackgroundError('protocol/bad-request', 'Too many codes');
  const clean = codes
    .filter((c) => typeof c?.code === 'string' && c.code.trim() !== '')
    .map((c) => ({ code: c.code.trim().slice(0, 64), used: c.used === true }));
  return vault.mutate((data, now) => ({
    data: updateAccount(data, id, { backupCodes: clean }, { now }),
    result: clean,
  }));
}
