/**
 * "Did my backup work?": decrypts a backup written by ./backup.ts and compares it with the
 * accounts it should hold, by type, secret, issuer, account name and code parameters (sites and
 * backup codes are not compared: they do not change the codes). An HOTP counter does not tell
 * accounts apart: it moves forward with each code used (RFC 4226 §7.2), so a backup made before a
 * use holds the same account with a lower counter — held, and reported as `olderCounter`.
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
  /** Given accounts the backup holds (for HOTP, at any counter). */
  same: A[];
  /** Those of `same` whose backup copy is an HOTP account at a lower counter than the given one. */
  olderCounter: A[];
}

const identity = (a: BackupAccount): string =>
  JSON.stringify([a.type, toHex(a.secret), a.issuer, a.account, a.algorithm, a.digits, a.period]);

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
  /** Removes and returns a backup copy of `account`, one at its own counter first. */
  const take = (account: A, sameCounter: boolean): ImportedAccount | undefined => {
    const matches = remaining.get(identity(account)) ?? [];
    const index = sameCounter ? matches.findIndex((m) => m.counter === account.counter) : matches.length - 1;
    return index < 0 ? undefined : matches.splice(index, 1)[0];
  };
  const held = accounts.map((account) => take(account, true));
  const missing: A[] = [];
  const same: A[] = [];
  const olderCounter: A[] = [];
  for (const [index, account] of accounts.entries()) {
    const copy = held[index] ?? take(account, false);
    if (copy === undefined) {
      missing.push(account);
      continue;
    }
    same.push(account);
    if (account.type === 'hotp' && copy.counter < account.counter) olderCounter.push(account);
  }
  return { missing, same, olderCounter, extra: [...remaining.values()].flat() };
}
