/**
 * A large import through the real preview and commit handlers: the commit called addAccount once per
 * account, and each call rebuilt the id set, rescanned for duplicates and the next order and copied
 * the account array (20,000 keys: 33 s, 10,000: ~8 s). It is one linear batch now.
 */
import { describe, expect, it } from 'vitest';
import { VaultService } from '../../../src/background/vault/vault-service';
import { importPreview } from '../../../src/background/handlers/import-export/import-preview';
import { importCommit } from '../../../src/background/handlers/import-export/import-commit';
import { pendingImports } from '../../../src/background/handlers/import-export/pending-imports';
import type { Services } from '../../../src/background/handlers/context';
import { encodeBase32 } from '../../../src/core/bytes/base32';
import { memoryPorts } from './memory-ports';
import { memoryImportStores } from './memory-stores';

describe('a large import', () => {
  it('commits 10,000 accounts (the most one import takes) in one linear write', async () => {
    const vault = new VaultService(memoryPorts().ports);
    await vault.create('correct horse battery');
    const stores = memoryImportStores();
    const services = { vault } as unknown as Services;
    const pending = pendingImports({ clearOn: vault });
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const key = new Uint8Array(10);
      new DataView(key.buffer).setUint32(0, i);
      lines.push(`otpauth://totp/I${i}:a?secret=${encodeBase32(key)}`);
    }
    const preview = await importPreview(services, pending, { data: lines.join('\n'), encoding: 'text' });
    expect(preview.add).toHaveLength(10_000);
    const start = performance.now();
    const done = await importCommit(services, stores, pending, { previewId: preview.previewId, expectedCount: 10_000 });
    const ms = performance.now() - start;
    expect(done.added).toHaveLength(10_000);
    expect(await vault.read((d) => d.accounts.length)).toBe(10_000);
    expect(ms).toBeLessThan(2000);
  }, 60_000);
});
