/**
 * "Did my backup work?": decrypts a backup written by ./backup.ts and compares it with the
 * accounts it should hold, by type, secret, issuer, account name and code parameters (sites and
 * backup codes are not compared: they do not change the codes).
 */
import { importFile } from './detect';
import { unrecognized } from './import-errors';
import type { BackupAccount } from './backup';
import type { ImportOptions, ImportedAccount } from './types';
import { toHex } from '../crypto';

export interface VerifyResult<A> {
  /** Given accounts the backup does not hold. */
  missing: A[];
  /** Backup accounts that match none of the given ones. */
  extra: ImportedAccount[];
  /** Given accounts the backup holds identically. */
  same: A[];
}

const identity = (a: BackupAccount): string =>
  JSON.stringify([a.type, toHex(a.secret), a.issuer, a.account, a.algorithm, a.digits, a.period, a.counter]);

export async function verifyBackup<A extends BackupAccount>(
  file: Uint8Array | string,
  password: string,
  accounts: readonly A[],
  options: Omit<ImportOptions, 'password'> = {},
): Promise<VerifyResult<A>> {
  const result = await importFile(file, { ...options, password });
  if (result.format !== 'clickauth-backup') throw unrecognized('This file is not a backup made by this extension');
  const remaining = new Map<string, ImportedAccount[]>();
  for (const account of result.accounts) {
    const key = identity(account);
    remaining.set(key, [...(remaining.get(key) ?? []), account]);
  }
  const missing: A[] = [];
  const same: A[] = [];
  for (const account of accounts) {
    const matches = remaining.get(identity(account));
    if (matches !== undefined && matches.length > 0) {
      matches.pop();
      same.push(account);
    } else missing.push(account);
  }
  return { missing, same, extra: [...remaining.values()].flat() };
}
