import type { BackupCodeView } from '../../shared/protocol';
import { BackgroundError } from '../errors';
import type { Services } from './context';

/** `backup-codes/get`: an account's single-use backup codes (the ten a site hands out at setup). */
export function backupCodesGet({ vault }: Services, id: string): Promise<BackupCodeView[]> {
  return vault.read((data) => {
    const account = data.accounts.find((a) => a.id === id);
    if (!account) throw new BackgroundError('protocol/bad-request', 'No such account');
    return account.backupCodes.map((c) => ({ ...c }));
  });
}
