/**
 * Finding 9: the file password is asked, and the KDF runs, once per import. The preview keeps the
 * decrypted file in background memory under a random id; the commit names it. Entries expire, are
 * dropped after their commit, and all go when the vault locks.
 */
import { describe, expect, it } from 'vitest';
import { VaultService } from '../../../src/background/vault/vault-service';
import { importPreview } from '../../../src/background/handlers/import-export/import-preview';
import { importCommit } from '../../../src/background/handlers/import-export/import-commit';
import { pendingImports, PENDING_IMPORT_TTL_MS } from '../../../src/background/handlers/import-export/pending-imports';
import type { Services } from '../../../src/background/handlers/context';
import { exportAegisEncrypted, type ImportResult } from '../../../src/core/formats';
import { listAccounts } from '../../../src/core/vault';
import { decodeBase32 } from '../../../src/core/bytes/base32';
import { memoryPorts } from './memory-ports';
import { memoryImportStores } from './memory-stores';

const MASTER = 'correct horse battery';
const result: ImportResult = { format: 'otpauth-list', accounts: [], skipped: [] };

describe('pendingImports', () => {
  it('keeps a result under a fresh id until it expires', () => {
    let now = 1000;
    const scheduled: (() => void)[] = [];
    const pending = pendingImports({ now: () => now, schedule: (run) => void scheduled.push(run) });
    const id = pending.put(result, pending.epoch());
    expect(pending.get(id)).toBe(result);
    expect(pending.put(result, pending.epoch())).not.toBe(id);
    now += PENDING_IMPORT_TTL_MS;
    expect(() => pending.get(id)).toThrow(expect.objectContaining({ code: 'import/expired' }));
    expect(scheduled.length).toBe(2);
  });

  it('clear() drops everything and refuses a preview that began before it', () => {
    const pending = pendingImports();
    const id = pending.put(result, pending.epoch());
    const began = pending.epoch();
    pending.clear();
    expect(() => pending.get(id)).toThrow(expect.objectContaining({ code: 'import/expired' }));
    expect(() => pending.put(result, began)).toThrow(expect.objectContaining({ code: 'vault/locked' }));
    expect(() => pending.get('made-up')).toThrow(expect.objectContaining({ code: 'import/expired' }));
  });
});

describe('import/preview → import/commit through the handlers', () => {
  const account = {
    type: 'totp' as const,
    issuer: 'Aegis Entry',
    account: 'me',
    secret: decodeBase32('JBSWY3DPEHPK3PXP'),
    algorithm: 'SHA1' as const,
    digits: 6,
    period: 30,
    counter: 0,
  };

  async function setup() {
    const vault = new VaultService(memoryPorts().ports);
    await vault.create(MASTER);
    const stores = memoryImportStores();
    const services = { vault } as unknown as Services;
    const pending = pendingImports({ clearOn: vault });
    const preview = (password: string) => importPreview(services, pending, { data: file, encoding: 'text', password });
    const commit = (request: { previewId: string; expectedCount: number }) =>
      importCommit(services, stores, pending, request);
    const file = await exportAegisEncrypted([account], 'file password', { scrypt: { N: 16, r: 1, p: 1 } });
    return { vault, preview, commit };
  }

  it('the commit carries no file and no password: it reuses what the preview decrypted, once', async () => {
    const { vault, preview: previewFile, commit } = await setup();
    const preview = await previewFile('file password');
    expect(preview.add.map((a) => a.issuer)).toEqual(['Aegis Entry']);
    const done = await commit({ previewId: preview.previewId, expectedCount: 1 });
    expect(done.added.map((a) => a.issuer)).toEqual(['Aegis Entry']);
    expect((await vault.read(listAccounts)).map((a) => a.issuer)).toEqual(['Aegis Entry']);
    // Dropped after its commit: the same preview cannot add the accounts a second time.
    await expect(commit({ previewId: preview.previewId, expectedCount: 1 })).rejects.toMatchObject({
      code: 'import/expired',
    });
  });

  it('locking the vault forgets the decrypted file: the commit after an unlock is import/expired and adds nothing', async () => {
    const { vault, preview: previewFile, commit } = await setup();
    const preview = await previewFile('file password');
    await vault.lock();
    await vault.unlock(MASTER);
    await expect(commit({ previewId: preview.previewId, expectedCount: 1 })).rejects.toMatchObject({
      code: 'import/expired',
    });
    expect(await vault.read(listAccounts)).toEqual([]);
  });

  it('a commit without a preview id is a bad request', async () => {
    const { commit } = await setup();
    await expect(
      commit({ expectedCount: 1 } as unknown as { previewId: string; expectedCount: number }),
    ).rejects.toMatchObject({ code: 'protocol/bad-request' });
  });
});
