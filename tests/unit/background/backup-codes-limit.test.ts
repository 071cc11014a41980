/**
 * How many backup codes an account holds: a list may grow to MAX_BACKUP_CODES in the popup or from a
 * setup page, and one that is longer already (an import, a replaced key's codes merged in) can still
 * be marked used. Before, marking a code used on a 150-code list was refused ("Too many codes").
 */
import { describe, expect, it } from 'vitest';
import { memoryPorts } from './memory-ports';
import { VaultService } from '../../../src/background/vault/vault-service';
import { backupCodesSet, MAX_BACKUP_CODES } from '../../../src/background/handlers/backup-codes-set';
import { addAccount } from '../../../src/core/vault';
import { decodeBase32 } from '../../../src/core/bytes/base32';
import type { Services } from '../../../src/background/handlers/context';

const codes = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ code: `c${from + i}`, used: false }));

async function withCodes(n: number) {
  const vault = new VaultService(memoryPorts().ports);
  await vault.create('correct horse battery');
  const id = await vault.mutate((data, now) => {
    const r = addAccount(
      data,
      {
        type: 'totp',
        issuer: 'Bank',
        account: 'me',
        secret: decodeBase32('JBSWY3DPEHPK3PXP'),
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
        backupCodes: codes(n),
      },
      { now },
    );
    return { data: r.vault, result: r.account.id };
  });
  return { vault, id, services: { vault } as unknown as Services };
}

describe('backup-codes/set and the number of codes', () => {
  it('a list longer than the limit already (an import) can be marked used and shortened, not lengthened', async () => {
    const { vault, id, services } = await withCodes(150);
    const marked = codes(150).map((c, i) => (i === 0 ? { ...c, used: true } : c));
    expect(await backupCodesSet(services, id, marked)).toHaveLength(150);
    expect((await vault.read((d) => d.accounts[0]!.backupCodes))[0]).toEqual({ code: 'c0', used: true });
    expect(await backupCodesSet(services, id, codes(120))).toHaveLength(120);
    await expect(backupCodesSet(services, id, codes(121))).rejects.toMatchObject({ code: 'protocol/bad-request' });
  });

  it(`control: a list may grow to ${MAX_BACKUP_CODES}, not past it`, async () => {
    const { id, services } = await withCodes(3);
    expect(await backupCodesSet(services, id, codes(MAX_BACKUP_CODES))).toHaveLength(MAX_BACKUP_CODES);
    await expect(backupCodesSet(services, id, codes(MAX_BACKUP_CODES + 1))).rejects.toMatchObject({
      code: 'protocol/bad-request',
    });
  });
});
