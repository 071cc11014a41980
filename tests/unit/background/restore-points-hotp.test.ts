/**
 * Bringing an older copy of an HOTP account back must not move its counter back (RFC 4226 §7.2): a
 * code at a lower counter is one already used. Restore points, the trash and import undo.
 */
import { describe, expect, it } from 'vitest';
import { VaultService } from '../../../src/background/vault/vault-service';
import { memoryPorts } from './memory-ports';
import { addAccount, deleteAccount, type VaultData } from '../../../src/core/vault';
import { decodeBase32 } from '../../../src/core/bytes/base32';
import { accountsHotpUse } from '../../../src/background/handlers/accounts-hotp-use';
import { accountsRestore } from '../../../src/background/handlers/accounts-restore';
import { codesGet } from '../../../src/background/handlers/codes-get';
import { importPreview } from '../../../src/background/handlers/import-export/import-preview';
import { importCommit } from '../../../src/background/handlers/import-export/import-commit';
import { importUndo } from '../../../src/background/handlers/import-export/import-undo';
import { pendingImports } from '../../../src/background/handlers/import-export/pending-imports';
import type { Services } from '../../../src/background/handlers/context';
import { memoryImportStores } from './memory-stores';

const hotp = {
  type: 'hotp' as const,
  issuer: 'Bank',
  account: 'me',
  secret: decodeBase32('JBSWY3DPEHPK3PXP'),
  algorithm: 'SHA1' as const,
  digits: 6,
  period: 30,
  counter: 0,
};
const HOTP_URI = 'otpauth://hotp/Bank:me?secret=JBSWY3DPEHPK3PXP&issuer=Bank&counter=0';
const totp = (n: number) => ({
  ...hotp,
  type: 'totp' as const,
  issuer: `T${n}`,
  secret: hotp.secret.map((b) => (b + n) % 256),
});

async function setup() {
  const vault = new VaultService(memoryPorts().ports);
  await vault.create('correct horse battery');
  const services = { vault } as unknown as Services;
  const add = (point = false) =>
    vault.mutate(
      (data, now) => {
        const r = addAccount(data, hotp, { now });
        return { data: r.vault, result: r.account.id };
      },
      point ? { restorePoint: 'import' } : {},
    );
  const use = async (id: string, times: number) => {
    const used: string[] = [];
    for (let i = 0; i < times; i++) used.push((await accountsHotpUse(services, id, async () => undefined)).code);
    return used;
  };
  const change = (edit: (data: VaultData, now: number) => VaultData, point = false) =>
    vault.mutate(
      (data, now) => ({ data: edit(data, now), result: undefined }),
      point ? { restorePoint: 'import' } : {},
    );
  const counters = () =>
    vault.read((d) => ({
      active: d.accounts.filter((a) => a.type === 'hotp').map((a) => a.counter),
      trash: d.trash.map((t) => t.account.counter),
    }));
  return { vault, services, add, use, change, counters };
}

describe('restore point vs HOTP counter', () => {
  it('codes already used are not shown again after restoring a point', async () => {
    const { vault, services, add, use, change } = await setup();
    const id = await add();
    // A bulk change keeps a restore point (an import, a migration QR).
    await change((data, now) => addAccount(data, totp(1), { now }).vault, true);
    const used = await use(id, 3);
    // The user undoes the import with its restore point.
    const [point] = await vault.restorePoints();
    await vault.restore(point!.id);
    const [shown] = await codesGet(services, [id], Date.now(), 0);
    const counter = await vault.read((d) => d.accounts.find((a) => a.id === id)!.counter);
    expect(counter).toBeGreaterThanOrEqual(3);
    expect(used).not.toContain(shown!.code);
  });

  it('an account deleted since the point keeps its counter from the trash', async () => {
    const { vault, add, use, change, counters } = await setup();
    const id = await add();
    await change((data, now) => addAccount(data, totp(1), { now }).vault, true);
    await use(id, 4);
    await change((data, now) => deleteAccount(data, id, { now }));
    await vault.restore((await vault.restorePoints())[0]!.id);
    expect(await counters()).toEqual({ active: [4], trash: [] });
  });

  it('the same key under another id (deleted and enrolled again since) is matched by its key', async () => {
    const { vault, add, use, change, counters } = await setup();
    const first = await add();
    await change((data, now) => addAccount(data, totp(1), { now }).vault, true);
    await change((data, now) => deleteAccount(data, first, { now }));
    const again = await add();
    await use(again, 5);
    await vault.restore((await vault.restorePoints())[0]!.id);
    expect(await counters()).toEqual({ active: [5], trash: [] });
  });

  it('a point whose counter is higher keeps it; TOTP accounts and the rest are as in the point', async () => {
    const { vault, add, use, change } = await setup();
    const id = await add();
    await use(id, 2);
    await change((data, now) => addAccount(data, totp(1), { now }).vault, true);
    const point = (await vault.restorePoints())[0]!;
    const [before] = await vault.read((d) => d.accounts);
    await vault.restore(point.id);
    expect(await vault.read((d) => d.accounts)).toEqual([before]);
  });
});

describe('trash and import undo vs HOTP counter', () => {
  it('an account back from the trash takes the counter of a copy of its key that counted on meanwhile', async () => {
    const { services, add, use, change, counters } = await setup();
    const first = await add();
    await use(first, 1);
    await change((data, now) => deleteAccount(data, first, { now }));
    // The same key enrolled again while the first copy was in the trash, used, and deleted in turn.
    // It starts at the first copy's counter (1, see the last test), and is used 6 times.
    const again = await add();
    await use(again, 6);
    await change((data, now) => deleteAccount(data, again, { now }));
    await accountsRestore(services, first);
    expect((await counters()).active).toEqual([7]);
  });

  it("undoing an import of a key that is in the trash leaves the imported copy's counter with it", async () => {
    const { vault, services, add, use, change, counters } = await setup();
    const first = await add();
    await use(first, 1);
    await change((data, now) => deleteAccount(data, first, { now }));
    const stores = memoryImportStores();
    const pending = pendingImports({ clearOn: vault });
    const preview = await importPreview(services, pending, { data: `${HOTP_URI}\n`, encoding: 'text' });
    const done = await importCommit(services, stores, pending, { previewId: preview.previewId, expectedCount: 1 });
    // The imported copy (counter 0 in the file) starts at the trashed copy's 1, and is used 7 times.
    await use(done.added[0]!.id, 7);
    await importUndo(services, stores, done.importId);
    expect(await counters()).toEqual({ active: [], trash: [8] });
    await accountsRestore(services, first);
    expect((await counters()).active).toEqual([8]);
  });

  it("the same key added again (an old backup imported, a QR scanned again) while a used copy is in the trash starts at that copy's counter", async () => {
    const { add, use, change, counters } = await setup();
    const first = await add();
    await use(first, 5);
    await change((data, now) => deleteAccount(data, first, { now }));
    await add(); // counter 0, as in the old backup
    expect(await counters()).toEqual({ active: [5], trash: [5] });
    // Control: a key never used keeps the counter it comes with.
    await change(
      (data, now) =>
        addAccount(data, { ...hotp, issuer: 'Other', secret: hotp.secret.map((b) => b ^ 1), counter: 2 }, { now })
          .vault,
    );
    expect((await counters()).active.sort()).toEqual([2, 5]);
  });
});
