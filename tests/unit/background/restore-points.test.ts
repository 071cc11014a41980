import { describe, expect, it } from 'vitest';
import { takeErrorReports } from '../../log-reports';
import { VaultService } from '../../../src/background/vault/vault-service';
import { MAX_RESTORE_POINTS } from '../../../src/background/vault/restore-points';
import { storageFault } from '../../../src/background/vault/storage-fault';
import { memoryPorts } from './memory-ports';
import { addAccount, deleteAccount, listAccounts } from '../../../src/core/vault';
import { openWithKey, unlockEnvelope } from '../../../src/core/crypto';
import { decodeBase32 } from '../../../src/core/bytes/base32';

const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a wholly different passphrase';

const account = (n: number) => ({
  type: 'totp' as const,
  issuer: `Issuer ${n}`,
  account: `user${n}@example.com`,
  secret: decodeBase32('JBSWY3DPEHPK3PXP').map((b, i) => (i === 0 ? (b + n) % 256 : b)),
  algorithm: 'SHA1' as const,
  digits: 6,
  period: 30,
  counter: 0,
});

/** Adds accounts `ns` in one write; `point`: as a bulk change that keeps a restore point. */
const add = (vault: VaultService, ns: number[], point = true) =>
  vault.mutate(
    (data, now) => {
      let next = data;
      for (const n of ns) next = addAccount(next, account(n), { now }).vault;
      return { data: next, result: undefined };
    },
    point ? { restorePoint: 'import' } : {},
  );

async function fresh() {
  const mem = memoryPorts();
  const vault = new VaultService(mem.ports);
  await vault.create(PASSWORD);
  return { mem, vault };
}

const issuers = async (vault: VaultService) => (await vault.read(listAccounts)).map((a) => a.issuer);

describe('restore points', () => {
  it('a bulk change keeps the vault before it; a single edit keeps none', async () => {
    const { mem, vault } = await fresh();
    const before = mem.local.current;
    await add(vault, [1, 2]);
    await add(vault, [3], false);
    expect(mem.local.points).toHaveLength(1);
    expect(mem.local.points![0]!.blob).toBe(before);
    expect(await vault.restorePoints()).toEqual([
      { id: expect.any(String), at: Date.UTC(2026, 10, 24), reason: 'import', count: 0 },
    ]);
  });

  it('keeps at most 10, oldest dropped; listed newest first with their counts', async () => {
    const { mem, vault } = await fresh();
    for (let i = 0; i < MAX_RESTORE_POINTS + 3; i++) await add(vault, [i]);
    expect(mem.local.points).toHaveLength(MAX_RESTORE_POINTS);
    const listed = await vault.restorePoints();
    expect(listed.map((p) => p.count)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
  });

  it('restoring brings a point back and is itself undoable', async () => {
    const { vault } = await fresh();
    await add(vault, [1], false);
    await add(vault, [2, 3]);
    const [point] = await vault.restorePoints();
    expect(await vault.restore(point!.id)).toBe(1);
    expect(await issuers(vault)).toEqual(['Issuer 1']);
    const [undo] = await vault.restorePoints();
    expect(undo).toMatchObject({ reason: 'restore', count: 3 });
    await vault.restore(undo!.id);
    expect(await issuers(vault)).toEqual(['Issuer 1', 'Issuer 2', 'Issuer 3']);
    await expect(vault.restore('no-such-point')).rejects.toMatchObject({ code: 'restore/not-found' });
  });

  it('what leaves the trash for good after 30 days is kept in a restore point (a clock set ahead must not lose it); other edits keep none', async () => {
    const mem = memoryPorts();
    let clock = Date.UTC(2026, 10, 24);
    mem.ports.now = () => clock;
    const vault = new VaultService(mem.ports);
    await vault.create(PASSWORD);
    await add(vault, [1, 2], false);
    const [first] = await vault.read(listAccounts);
    await vault.mutate((data, now) => ({ data: deleteAccount(data, first!.id, { now }), result: undefined }));
    clock += 29 * 86_400_000;
    await add(vault, [3], false); // still in the trash: no point
    expect(mem.local.points ?? []).toHaveLength(0);
    expect(await vault.read((d) => d.trash.length)).toBe(1);
    // The computer's clock jumps a month ahead: the next edit drops the trash, keeping the vault before it.
    clock += 2 * 86_400_000;
    await add(vault, [4], false);
    expect(await vault.read((d) => d.trash.length)).toBe(0);
    const [point] = await vault.restorePoints();
    expect(point).toMatchObject({ reason: 'trash-purge', count: 2 });
    clock -= 31 * 86_400_000; // the clock is put right; the point brings the deleted account back
    await vault.restore(point!.id);
    expect(await vault.read((d) => d.trash.map((t) => t.account.issuer))).toEqual(['Issuer 1']);
  });

  it('a restore point survives a browser restart and is only readable unlocked', async () => {
    const { mem, vault } = await fresh();
    await add(vault, [1, 2]);
    delete mem.session.key;
    const restarted = new VaultService(mem.ports);
    await expect(restarted.restorePoints()).rejects.toMatchObject({ code: 'vault/locked' });
    await restarted.unlock(PASSWORD);
    expect((await restarted.restorePoints()).map((p) => p.count)).toEqual([0]);
  });

  it('a password change re-keys every point (and keeps one of the vault before it): the old password and key open none', async () => {
    const { mem, vault } = await fresh();
    await add(vault, [1]);
    await add(vault, [2]);
    const oldKey = mem.session.key!;
    await vault.changePassword(PASSWORD, NEW_PASSWORD);
    const points = mem.local.points!;
    expect(points.map((p) => p.reason)).toEqual(['import', 'import', 'password']);
    for (const point of points) {
      await expect(unlockEnvelope(point.blob, PASSWORD)).rejects.toMatchObject({ code: 'vault/wrong-password' });
      await expect(openWithKey(point.blob, oldKey)).rejects.toMatchObject({ code: 'vault/corrupted' });
      await expect(unlockEnvelope(point.blob, NEW_PASSWORD)).resolves.toBeDefined();
    }
    expect((await vault.restorePoints()).map((p) => p.count)).toEqual([2, 1, 0]);
    await vault.restore((await vault.restorePoints())[1]!.id);
    expect(await issuers(vault)).toEqual(['Issuer 1']);
  });
});

describe('faults on the write path', () => {
  it('storage full: a typed error, the vault and its restore points as they were, the next write works', async () => {
    const { mem, vault } = await fresh();
    await add(vault, [1]);
    const stored = { ...mem.local };
    const write = mem.ports.blobs.write;
    mem.ports.blobs.write = async () => {
      throw storageFault(new Error('QUOTA_BYTES quota exceeded'));
    };
    await expect(add(vault, [2, 3])).rejects.toMatchObject({ code: 'storage/full' });
    expect(mem.local).toEqual(stored);
    expect(await issuers(vault)).toEqual(['Issuer 1']);
    mem.ports.blobs.write = write;
    await add(vault, [4]);
    expect(await issuers(vault)).toEqual(['Issuer 1', 'Issuer 4']);
  });

  /** Storage that holds `limit` characters in all (as Chrome's quota counts a write's result, not its growth). */
  const withQuota = (mem: ReturnType<typeof memoryPorts>, limit: () => number) => {
    const write = mem.ports.blobs.write;
    const attempts: number[] = [];
    mem.ports.blobs.write = async (current, previous, extra = {}) => {
      const points = extra.points ?? mem.local.points ?? [];
      const size = JSON.stringify([current, previous ?? current, points, extra.recoveredAt ?? null]).length;
      attempts.push(points.length);
      if (size > limit()) throw storageFault(new Error('QUOTA_BYTES quota exceeded'));
      await write(current, previous, extra);
    };
    return attempts;
  };
  const storedSize = (mem: ReturnType<typeof memoryPorts>) =>
    JSON.stringify([mem.local.current, mem.local.previous, mem.local.points ?? [], null]).length;

  it('storage full: the oldest restore points make room, one at a time; the change and the newer points are kept', async () => {
    const { mem, vault } = await fresh();
    for (const n of [1, 2, 3, 4]) await add(vault, [n]);
    const before = mem.local.points!.map((p) => p.id);
    expect(before).toHaveLength(4);
    const [p1, p2, , p4] = mem.local.points!.map((p) => JSON.stringify(p).length + 1);
    // The write to come: the vault one account bigger (as much as the last add grew it), the vault now as
    // the previous generation and as a new point. It fits once the two oldest points are gone, not before.
    const growth = 2 * (mem.local.current!.length - mem.local.previous!.length);
    const newPoint = p4! - mem.local.points![3]!.blob.length + mem.local.current!.length;
    const limit = storedSize(mem) - p1! - p2! + growth + newPoint + 10;
    expect(limit).toBeLessThan(storedSize(mem) - p1! + growth + newPoint);
    const attempts = withQuota(mem, () => limit);
    await add(vault, [5]);
    expect(await issuers(vault)).toEqual(['Issuer 1', 'Issuer 2', 'Issuer 3', 'Issuer 4', 'Issuer 5']);
    const after = mem.local.points!;
    // The oldest went first (two of them), the newer ones stayed in order, the new one is last.
    expect(after.map((p) => p.id).slice(0, -1)).toEqual(before.slice(2));
    expect(after.at(-1)!.blob).toBe(mem.local.previous);
    expect(attempts).toEqual([5, 4, 3]);
    // Every point kept still restores.
    expect((await vault.restorePoints()).map((p) => p.count)).toEqual([4, 3, 2]);
  });

  it('storage full on a plain edit (no point of its own): the oldest points make room', async () => {
    const { mem, vault } = await fresh();
    for (const n of [1, 2, 3, 4]) await add(vault, [n]);
    const before = mem.local.points!.map((p) => p.id);
    const [p1, p2] = mem.local.points!.map((p) => JSON.stringify(p).length + 1);
    const growth = 2 * (mem.local.current!.length - mem.local.previous!.length);
    const limit = storedSize(mem) - p1! - p2! + growth + 10;
    const attempts = withQuota(mem, () => limit);
    await add(vault, [5], false);
    expect(await issuers(vault)).toEqual(['Issuer 1', 'Issuer 2', 'Issuer 3', 'Issuer 4', 'Issuer 5']);
    expect(mem.local.points!.map((p) => p.id)).toEqual(before.slice(2));
    expect(attempts).toEqual([4, 3, 2]);
  });

  it("storage full with only the change's own point left to drop: storage/full, nothing stored changes", async () => {
    const { mem, vault } = await fresh();
    for (const n of [1, 2]) await add(vault, [n]);
    const stored = structuredClone(mem.local);
    // Not even the vault with its new point alone fits: that point is what undoes the change, so it stays.
    let limit = storedSize(mem) - JSON.stringify(mem.local.points).length + 100;
    const attempts = withQuota(mem, () => limit);
    await expect(add(vault, [3, 4, 5])).rejects.toMatchObject({ code: 'storage/full' });
    expect(attempts).toEqual([3, 2, 1]);
    expect(mem.local).toEqual(stored);
    expect(await issuers(vault)).toEqual(['Issuer 1', 'Issuer 2']);
    // Control: with room, the same change lands and keeps its point.
    limit = Infinity;
    await add(vault, [3, 4, 5]);
    expect(mem.local.points).toHaveLength(3);
  });

  it('a failure other than a full storage is not retried', async () => {
    const { mem, vault } = await fresh();
    await add(vault, [1]);
    let calls = 0;
    mem.ports.blobs.write = async () => {
      calls++;
      throw new Error('IO error');
    };
    await expect(add(vault, [2])).rejects.toThrow('IO error');
    expect(calls).toBe(1);
  });

  it('classifies Chrome and Firefox quota errors; passes other errors on unchanged', () => {
    expect(storageFault(new Error('QUOTA_BYTES quota exceeded'))).toMatchObject({ code: 'storage/full' });
    expect(storageFault(new DOMException('full', 'QuotaExceededError'))).toMatchObject({ code: 'storage/full' });
    const other = new Error('IO error');
    expect(storageFault(other)).toBe(other);
    // An unknown storage failure is reported (not only passed on); quota errors are the user's answer.
    expect(takeErrorReports().map((report) => [report.scope, report.args[0]])).toEqual([
      ['storage', 'storage write failed'],
    ]);
  });

  it('a damaged current blob found by a restarted worker: the previous generation opens, repaired, reported once', async () => {
    const { mem, vault } = await fresh();
    await add(vault, [1], false);
    await add(vault, [2], false);
    const intact = mem.local.current!;
    mem.local.current = `${intact.slice(0, 40)}${intact[40] === 'A' ? 'B' : 'A'}${intact.slice(41)}`;
    const restarted = new VaultService(mem.ports);
    expect(await restarted.state()).toBe('unlocked');
    expect(await issuers(restarted)).toEqual(['Issuer 1']);
    expect(mem.local.current).toBe(mem.local.previous);
    expect(await restarted.takeRecovered()).toBe(Date.UTC(2026, 10, 24));
    expect(await restarted.takeRecovered()).toBeUndefined();
  });

  it('a damaged current blob at unlock is reported too', async () => {
    const { mem, vault } = await fresh();
    await add(vault, [1], false);
    await add(vault, [2], false);
    const intact = mem.local.current!;
    mem.local.current = `${intact.slice(0, 40)}${intact[40] === 'A' ? 'B' : 'A'}${intact.slice(41)}`;
    delete mem.session.key;
    const restarted = new VaultService(mem.ports);
    await restarted.unlock(PASSWORD);
    expect(await issuers(restarted)).toEqual(['Issuer 1']);
    expect(await restarted.takeRecovered()).toBeDefined();
  });
});
