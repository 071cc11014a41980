/**
 * Restoring a backup into a vault that already has some of its keys (scanned again from the QR, or
 * synced by hand): such an entry is a duplicate and is not added, but what the file holds beyond the
 * vault's copy must not be dropped with it. Its backup codes (a site's recovery codes) and a higher
 * HOTP counter (RFC 4226 §7.2: codes below it were used on the other copy) go to the vault's copy.
 * The preview said "already in your authenticator", and the file's codes were gone.
 */
import { describe, expect, it } from 'vitest';
import { VaultService } from '../../../src/background/vault/vault-service';
import { importPreview } from '../../../src/background/handlers/import-export/import-preview';
import { importCommit } from '../../../src/background/handlers/import-export/import-commit';
import { importUndo } from '../../../src/background/handlers/import-export/import-undo';
import { pendingImports } from '../../../src/background/handlers/import-export/pending-imports';
import type { Services } from '../../../src/background/handlers/context';
import { decodeBase32 } from '../../../src/core/bytes/base32';
import { exportBackup, type BackupAccount } from '../../../src/core/formats';
import { addAccount, type NewAccount } from '../../../src/core/vault';
import { memoryPorts } from './memory-ports';
import { memoryImportStores } from './memory-stores';

const PASSWORD = 'file password';
const hotp: NewAccount = {
  type: 'hotp',
  issuer: 'Bank',
  account: 'me',
  secret: decodeBase32('JBSWY3DPEHPK3PXP'),
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 3,
  sites: ['https://bank.test'],
  backupCodes: [{ code: 'kept-1', used: true }],
};
const totp: NewAccount = {
  ...hotp,
  type: 'totp',
  issuer: 'Mail',
  secret: decodeBase32('KRSXG5CTMVRXEZLU'),
  counter: 0,
  sites: [],
  backupCodes: [],
};
const other: BackupAccount = { ...totp, issuer: 'Other', secret: decodeBase32('GEZDGNBVGY3TQOJQ') };

async function setup(file: BackupAccount[]) {
  const vault = new VaultService(memoryPorts().ports);
  await vault.create('correct horse battery');
  for (const [i, input] of [hotp, totp].entries())
    await vault.mutate((data, now) => ({
      data: addAccount(data, input, { now, newId: () => `v${i}` }).vault,
      result: 0,
    }));
  const services = { vault } as unknown as Services;
  const stores = memoryImportStores();
  const pending = pendingImports({ clearOn: vault });
  const data = await exportBackup(file, PASSWORD, { iterations: 2 });
  const preview = await importPreview(services, pending, { data, encoding: 'text', password: PASSWORD });
  const commit = () =>
    importCommit(services, stores, pending, { previewId: preview.previewId, expectedCount: preview.add.length });
  const accounts = () =>
    vault.read((d) => d.accounts.map((a) => ({ id: a.id, counter: a.counter, codes: a.backupCodes, sites: a.sites })));
  return { vault, services, stores, preview, commit, accounts };
}

describe("import: a duplicate's backup codes and higher HOTP counter go to the vault's copy", () => {
  it('the preview says what the vault copy gains; the commit gives it, and nothing else of it changes', async () => {
    const { preview, commit, accounts } = await setup([
      {
        ...hotp,
        counter: 20,
        sites: ['https://elsewhere.test'],
        backupCodes: [
          { code: 'kept-1', used: false },
          { code: 'new-2', used: false },
        ],
      },
      { ...totp, backupCodes: [{ code: 'mail-1', used: false }] },
      other,
    ]);
    expect(preview.duplicates).toEqual([
      { name: 'Bank: me', where: 'vault', counter: 20, backupCodes: 1 },
      { name: 'Mail: me', where: 'vault', backupCodes: 1 },
    ]);
    const done = await commit();
    expect(done.added.map((a) => a.issuer)).toEqual(['Other']);
    expect(done.updated).toBe(2);
    const [bank, mail] = await accounts();
    // The vault's own copy stays (its id, its sites, its "used" marks); the file adds what it lacks.
    expect(bank).toEqual({
      id: 'v0',
      counter: 20,
      sites: ['https://bank.test'],
      codes: [
        { code: 'kept-1', used: true },
        { code: 'new-2', used: false },
      ],
    });
    expect(mail).toEqual({ id: 'v1', counter: 0, sites: [], codes: [{ code: 'mail-1', used: false }] });
  });

  it('a file of duplicates only, whose copies bring something, can still be committed', async () => {
    const { preview, commit, accounts } = await setup([{ ...hotp, counter: 9, backupCodes: [] }]);
    expect(preview.add).toEqual([]);
    expect(preview.duplicates).toEqual([{ name: 'Bank: me', where: 'vault', counter: 9 }]);
    const done = await commit();
    expect(done).toMatchObject({ added: [], updated: 1 });
    expect((await accounts())[0]!.counter).toBe(9);
  });

  it('control: a lower counter and codes the vault has are plain duplicates; alone they are nothing to import', async () => {
    const { preview, commit, accounts } = await setup([{ ...hotp, counter: 1 }, totp]);
    expect(preview.duplicates).toEqual([
      { name: 'Bank: me', where: 'vault' },
      { name: 'Mail: me', where: 'vault' },
    ]);
    await expect(commit()).rejects.toMatchObject({ code: 'import/nothing-to-add' });
    expect((await accounts()).map((a) => [a.counter, a.codes.length])).toEqual([
      [3, 1],
      [0, 0],
    ]);
  });

  it('undo removes the added accounts; what the copies gained stays (the counter only moves forward)', async () => {
    const { services, stores, commit, accounts } = await setup([
      { ...hotp, counter: 20, backupCodes: [{ code: 'new-2', used: false }] },
      other,
    ]);
    const done = await commit();
    expect(await importUndo(services, stores, done.importId)).toEqual({ removed: 1 });
    const after = await accounts();
    expect(after.map((a) => a.id)).toEqual(['v0', 'v1']);
    expect(after[0]).toMatchObject({
      counter: 20,
      codes: [
        { code: 'kept-1', used: true },
        { code: 'new-2', used: false },
      ],
    });
  });
});
