/**
 * A backup restored into a new profile gives back what the accounts were: the code parameters (the
 * HOTP counter, period, digits, algorithm), sites, backup codes, fill options, where a QR added an
 * account (`addedOn`, what tells two accounts that look the same apart: "Added from github.com"), and
 * the list as the user arranged it (pins and order).
 */
import { describe, expect, it } from 'vitest';
import { VaultService } from '../../../src/background/vault/vault-service';
import { exportFile } from '../../../src/background/handlers/import-export/export-file';
import { importPreview } from '../../../src/background/handlers/import-export/import-preview';
import { importCommit } from '../../../src/background/handlers/import-export/import-commit';
import { backupVerify } from '../../../src/background/handlers/import-export/backup-verify';
import { accountsHotpNext } from '../../../src/background/handlers/accounts-hotp-next';
import { pendingImports } from '../../../src/background/handlers/import-export/pending-imports';
import type { Services } from '../../../src/background/handlers/context';
import { decodeBase32 } from '../../../src/core/bytes/base32';
import { addAccount, listAccounts, type Account, type NewAccount } from '../../../src/core/vault';
import { memoryPorts } from './memory-ports';
import { memoryImportStores } from './memory-stores';

const MASTER = 'correct horse battery';

const ACCOUNTS: NewAccount[] = [
  {
    type: 'totp',
    issuer: 'Forge',
    account: 'me',
    secret: decodeBase32('JBSWY3DPEHPK3PXP'),
    algorithm: 'SHA256',
    digits: 8,
    period: 60,
    counter: 0,
    sites: ['https://forge.test'],
    backupCodes: [{ code: 'aaaa-bbbb', used: true }],
    fill: { submitOn: ['https://forge.test'], appendOn: [], exactOrigin: true },
    addedOn: 'https://forge.test',
  },
  // The same names, another key kept beside it, added from another page: only addedOn tells them apart.
  {
    type: 'totp',
    issuer: 'Forge',
    account: 'me',
    secret: decodeBase32('KRSXG5CTMVRXEZLU'),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    sites: ['https://forge.test'],
    addedOn: 'https://login.forge.test:8443',
  },
  {
    type: 'hotp',
    issuer: 'Bank',
    account: 'me',
    secret: decodeBase32('GEZDGNBVGY3TQOJQ'),
    algorithm: 'SHA512',
    digits: 7,
    period: 30,
    counter: 41,
  },
];

async function vaultWith(accounts: NewAccount[]) {
  const vault = new VaultService(memoryPorts().ports);
  await vault.create(MASTER);
  for (const input of accounts)
    await vault.mutate((data, now) => ({ data: addAccount(data, input, { now }).vault, result: null }));
  return { vault, services: { vault } as unknown as Services };
}

/** Imports the backup `content` into `into`, everything it adds (preview, then commit), as the options page does. */
async function restore(content: string, into: Awaited<ReturnType<typeof vaultWith>>) {
  const pending = pendingImports({ clearOn: into.vault });
  const preview = await importPreview(into.services, pending, { data: content, encoding: 'text', password: MASTER });
  await importCommit(into.services, memoryImportStores(), pending, {
    previewId: preview.previewId,
    expectedCount: preview.add.length,
  });
}

/** What a restore must give back of an account (not its id or timestamps: a restore adds new accounts; its place: below). */
const kept = (a: Account) => ({
  type: a.type,
  issuer: a.issuer,
  account: a.account,
  secret: [...a.secret],
  algorithm: a.algorithm,
  digits: a.digits,
  period: a.period,
  counter: a.counter,
  sites: a.sites,
  backupCodes: a.backupCodes,
  fill: a.fill,
  addedOn: a.addedOn,
});

describe('backup → restore in a new profile', () => {
  it('gives back every account as it was, addedOn included', async () => {
    const before = await vaultWith(ACCOUNTS);
    const file = await exportFile(before.services, memoryImportStores('local'), {
      kind: 'clickauth-backup',
      masterPassword: MASTER,
    });
    const after = await vaultWith([]);
    await restore(file.content, after);
    const original = await before.vault.read((d) => d.accounts.map(kept));
    expect(original.map((a) => a.addedOn)).toEqual(['https://forge.test', 'https://login.forge.test:8443', undefined]);
    expect(await after.vault.read((d) => d.accounts.map(kept))).toEqual(original);
  }, 60_000);

  it('gives back the list as the user arranged it: the pins and the order (into an empty vault, then beside others)', async () => {
    const before = await vaultWith(ACCOUNTS);
    // Arrange: the Bank account moved to the top of the unpinned ones, the second Forge pinned.
    await before.vault.mutate((data) => ({
      data: {
        ...data,
        accounts: data.accounts.map((a, i) => (i === 2 ? { ...a, order: -1 } : i === 1 ? { ...a, pinned: true } : a)),
      },
      result: null,
    }));
    const arranged = (vault: VaultService) =>
      vault.read((d) => listAccounts(d).map((a) => `${a.pinned ? '📌 ' : ''}${a.issuer} ${a.addedOn ?? a.type}`));
    expect(await arranged(before.vault)).toEqual([
      '📌 Forge https://login.forge.test:8443',
      'Bank hotp',
      'Forge https://forge.test',
    ]);
    const file = await exportFile(before.services, memoryImportStores('local'), {
      kind: 'clickauth-backup',
      masterPassword: MASTER,
    });
    const empty = await vaultWith([]);
    await restore(file.content, empty);
    expect(await arranged(empty.vault)).toEqual(await arranged(before.vault));

    // Into a vault with accounts of its own (one pinned): the file's pinned ones join the pinned group
    // after the vault's, the others follow the vault's unpinned ones, each in the file's order.
    const others: NewAccount[] = [
      { ...ACCOUNTS[2]!, issuer: 'Own', secret: decodeBase32('MFRGGZDFMZTWQ2LK'), counter: 0, pinned: true },
      { ...ACCOUNTS[2]!, issuer: 'Mine', secret: decodeBase32('MZXW6YTBOI======'), counter: 0 },
    ];
    const busy = await vaultWith(others);
    await restore(file.content, busy);
    expect(await arranged(busy.vault)).toEqual([
      '📌 Own hotp',
      '📌 Forge https://login.forge.test:8443',
      'Mine hotp',
      'Bank hotp',
      'Forge https://forge.test',
    ]);
  }, 60_000);

  it('verify: an HOTP account used since the backup is in the backup (older counter), not missing', async () => {
    const { vault, services } = await vaultWith(ACCOUNTS);
    const file = await exportFile(services, memoryImportStores('local'), {
      kind: 'clickauth-backup',
      masterPassword: MASTER,
    });
    const payload = { data: file.content, encoding: 'text' as const, password: MASTER };
    expect(await backupVerify(services, payload)).toEqual({ same: 3, missing: 0, extra: 0, olderCounter: 0 });
    const bank = await vault.read((d) => d.accounts.find((a) => a.type === 'hotp')!.id);
    await accountsHotpNext(services, bank);
    await accountsHotpNext(services, bank);
    expect(await backupVerify(services, payload)).toEqual({ same: 3, missing: 0, extra: 0, olderCounter: 1 });
    // Control: an account added after the backup is missing from it.
    const added: NewAccount = { ...ACCOUNTS[2]!, secret: decodeBase32('MFRGGZDFMZTWQ2LK'), counter: 0 };
    await vault.mutate((data, now) => ({ data: addAccount(data, added, { now }).vault, result: null }));
    expect(await backupVerify(services, payload)).toEqual({ same: 3, missing: 1, extra: 0, olderCounter: 1 });
  }, 60_000);
});
