/**
 * Finding 8: the backup file is no cheaper to attack than the vault. An encrypted backup uses at
 * least the vault's own calibrated PBKDF2 count (stored in the file header, as format version 1
 * already allows), may be protected by a separate file password, and old 600,000-iteration files
 * still read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VaultService } from '../../../src/background/vault/vault-service';
import { exportFile } from '../../../src/background/handlers/import-export/export-file';
import type { Services } from '../../../src/background/handlers/context';
import { readEnvelopeHeader } from '../../../src/core/crypto';
import { importFile } from '../../../src/core/formats';
import { addAccount } from '../../../src/core/vault';
import { decodeBase32 } from '../../../src/core/bytes/base32';
import { memoryPorts } from './memory-ports';
import { memoryImportStores } from './memory-stores';
import { backupStatus } from '../../../src/background/handlers/import-export/backup-status';
import type { LastBackup } from '../../../src/background/handlers/import-export/stores';

const MASTER = 'correct horse battery';
const FILE_PASSWORD = 'a separate file passphrase';

async function setup(iterations: number) {
  const mem = memoryPorts(iterations);
  const vault = new VaultService(mem.ports);
  await vault.create(MASTER);
  await vault.mutate((data, now) => {
    const account = {
      type: 'totp' as const,
      issuer: 'Bank',
      account: 'me',
      secret: decodeBase32('JBSWY3DPEHPK3PXP'),
      algorithm: 'SHA1' as const,
      digits: 6,
      period: 30,
      counter: 0,
    };
    return { data: addAccount(data, account, { now }).vault, result: null };
  });
  const services = { vault } as unknown as Services;
  const stores = memoryImportStores('local');
  return { mem, vault, services, stores };
}

const iterationsOf = (content: string) => (JSON.parse(content) as { kdf: { iterations: number } }).kdf.iterations;

describe('export/file: encrypted backup', () => {
  it("uses the vault's calibrated PBKDF2 count when it is above the floor", async () => {
    const { mem, services, stores } = await setup(650_000);
    expect((await readEnvelopeHeader(mem.local.current!)).iterations).toBe(650_000);
    const file = await exportFile(services, stores, { kind: 'clickauth-backup', masterPassword: MASTER });
    expect(iterationsOf(file.content)).toBe(650_000);
    const restored = await importFile(file.content, { password: MASTER });
    expect(restored.accounts.map((a) => a.issuer)).toEqual(['Bank']);
  }, 60_000);

  it('never goes below the 600,000 floor, even for a vault still below it', async () => {
    const { services, stores } = await setup(2000);
    const file = await exportFile(services, stores, { kind: 'clickauth-backup', masterPassword: MASTER });
    expect(iterationsOf(file.content)).toBe(600_000);
  }, 60_000);

  it('a separate file password round-trips; the master password does not open that file (typed error)', async () => {
    const { services, stores } = await setup(2000);
    const file = await exportFile(services, stores, {
      kind: 'clickauth-backup',
      masterPassword: MASTER,
      filePassword: FILE_PASSWORD,
    });
    expect(iterationsOf(file.content)).toBeGreaterThanOrEqual(600_000);
    expect((await importFile(file.content, { password: FILE_PASSWORD })).accounts.map((a) => a.issuer)).toEqual([
      'Bank',
    ]);
    await expect(importFile(file.content, { password: MASTER })).rejects.toMatchObject({
      code: 'import/wrong-password',
      field: 'password',
    });
    await expect(importFile(file.content)).rejects.toMatchObject({ code: 'import/needs-password' });
  }, 60_000);

  it('refuses a weak file password and a wrong master password before writing anything', async () => {
    const { services, stores } = await setup(2000);
    await expect(
      exportFile(services, stores, { kind: 'clickauth-backup', masterPassword: MASTER, filePassword: 'short' }),
    ).rejects.toMatchObject({ code: 'vault/weak-password' });
    await expect(
      exportFile(services, stores, {
        kind: 'clickauth-backup',
        masterPassword: 'not the master',
        filePassword: FILE_PASSWORD,
      }),
    ).rejects.toMatchObject({ code: 'vault/wrong-password' });
    expect(await stores.lastBackup.get()).toBeUndefined();
  }, 60_000);
});

describe('export/file: the backup record (storage.local, in the clear)', () => {
  it('keeps the time of the export only: no account count is readable at rest', async () => {
    const { services, stores } = await setup(2000);
    const before = Date.now();
    const file = await exportFile(services, stores, { kind: 'otpauth-list', masterPassword: MASTER });
    expect(file.count).toBe(1);
    const stored = await stores.lastBackup.get();
    expect(Object.keys(stored ?? {})).toEqual(['at']);
    expect(stored!.at).toBeGreaterThanOrEqual(before);
  });

  it('backup/status reads a record an earlier version stored with the count, and drops the count from storage', async () => {
    const { services, stores } = await setup(2000);
    const at = Date.UTC(2020, 0, 1);
    await stores.lastBackup.set({ at, count: 5 } as LastBackup);
    expect(await backupStatus(services, stores)).toEqual({ lastBackupAt: at, addedSince: 1 });
    expect(await stores.lastBackup.get()).toEqual({ at });
    // The next export writes the time only as well.
    await exportFile(services, stores, { kind: 'otpauth-list', masterPassword: MASTER });
    expect(Object.keys((await stores.lastBackup.get()) ?? {})).toEqual(['at']);
  });
});

describe('old backup files', () => {
  it('a version-1 file written at the old fixed 600,000 iterations still imports, with sites and backup codes', async () => {
    const text = readFileSync(new URL('../../fixtures/backups/clickauth-backup-v1-600k.json', import.meta.url), 'utf8');
    expect(iterationsOf(text)).toBe(600_000);
    const result = await importFile(text, { password: 'old backup password' });
    expect(result.format).toBe('clickauth-backup');
    expect(result.accounts.map((a) => [a.issuer, a.type, a.sites, a.backupCodes])).toEqual([
      ['Old Bank', 'totp', ['https://bank.example'], [{ code: '1111-2222', used: false }]],
      ['Old Mail', 'hotp', [], []],
    ]);
    await expect(importFile(text, { password: 'wrong password' })).rejects.toMatchObject({
      code: 'import/wrong-password',
    });
  }, 60_000);
});
