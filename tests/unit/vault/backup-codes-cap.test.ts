/**
 * No account holds more than MAX_STORED_BACKUP_CODES backup codes, however they came, so the popup's
 * save (which sends the whole list, checked against the same number) always goes through.
 */
import { describe, expect, it } from 'vitest';
import { exportBackup, importFile } from '../../../src/core/formats';
import {
  MAX_BACKUP_CODE_LENGTH,
  MAX_STORED_BACKUP_CODES,
  addAccount,
  duplicateGain,
  emptyVault,
  replacing,
  type NewAccount,
} from '../../../src/core/vault';

const codes = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({ code: `${prefix}${i}`, used: false }));
const input: NewAccount = {
  type: 'totp',
  issuer: 'Bank',
  account: 'me',
  secret: Uint8Array.of(1, 2, 3, 4, 5),
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};
const stored = (n: number) => addAccount(emptyVault(), { ...input, backupCodes: codes(n, 'old-') }, { now: 0 }).account;

describe('backup codes per account', () => {
  it('our backup: an entry with more than the cap is a damaged entry; at the cap it imports', async () => {
    const file = await exportBackup(
      [
        { ...input, backupCodes: codes(MAX_STORED_BACKUP_CODES, 'a-') },
        { ...input, secret: Uint8Array.of(9, 9, 9), backupCodes: codes(MAX_STORED_BACKUP_CODES + 1, 'b-') },
      ],
      'pw',
      { iterations: 2 },
    );
    const result = await importFile(file, { password: 'pw' });
    expect(result.accounts.map((a) => a.backupCodes?.length)).toEqual([MAX_STORED_BACKUP_CODES]);
    expect(result.skipped.map((s) => s.code)).toEqual(['import/corrupt']);
  });

  it('our backup: a code over MAX_BACKUP_CODE_LENGTH characters is a damaged entry; one at it imports whole', async () => {
    const file = await exportBackup(
      [
        { ...input, backupCodes: [{ code: 'a'.repeat(MAX_BACKUP_CODE_LENGTH), used: false }] },
        {
          ...input,
          secret: Uint8Array.of(9, 9, 9),
          backupCodes: [{ code: 'b'.repeat(MAX_BACKUP_CODE_LENGTH + 1), used: false }],
        },
      ],
      'pw',
      { iterations: 2 },
    );
    const result = await importFile(file, { password: 'pw' });
    expect(result.accounts.map((a) => a.backupCodes?.[0]?.code.length)).toEqual([MAX_BACKUP_CODE_LENGTH]);
    expect(result.skipped.map((s) => s.code)).toEqual(['import/corrupt']);
  });

  it("a duplicate's codes fill the vault copy's list up to the cap", () => {
    const gain = duplicateGain(stored(MAX_STORED_BACKUP_CODES - 2), { ...input, backupCodes: codes(5, 'new-') });
    expect(gain?.backupCodes?.map((c) => c.code)).toEqual(['new-0', 'new-1']);
    expect(duplicateGain(stored(MAX_STORED_BACKUP_CODES), { ...input, backupCodes: codes(5, 'new-') })).toBeUndefined();
  });

  it("a new key that replaces an old one takes the old one's codes up to the cap, its own first", () => {
    const merged = replacing(stored(MAX_STORED_BACKUP_CODES), { ...input, backupCodes: codes(3, 'new-') });
    expect(merged.backupCodes).toHaveLength(MAX_STORED_BACKUP_CODES);
    expect(merged.backupCodes?.slice(0, 4).map((c) => c.code)).toEqual(['new-0', 'new-1', 'new-2', 'old-0']);
  });
});
