import { describe, expect, it } from 'vitest';
import { VaultService } from '../../../src/background/vault/vault-service';
import {
  BACKUP_PROMPT_AFTER_MS,
  backupPrompt,
  backupPromptDismiss,
} from '../../../src/background/handlers/restore/backup-prompt';
import type { StorageItem } from '../../../src/platform/storage';
import type { Services } from '../../../src/background/handlers/context';
import type { LastBackup } from '../../../src/background/handlers/import-export/stores';
import { addAccount } from '../../../src/core/vault';
import { decodeBase32 } from '../../../src/core/bytes/base32';
import { memoryPorts } from './memory-ports';

const DAY = 24 * 60 * 60_000;
const T0 = Date.UTC(2026, 10, 24);

function item<T>(value?: T): StorageItem<T> {
  let v = value;
  return {
    area: 'local',
    key: 'x',
    clearOn: 'never',
    get: async () => v,
    set: async (n) => void (v = n),
    remove: async () => void (v = undefined),
  };
}

async function setup(createdAt: number[]) {
  const vault = new VaultService(memoryPorts().ports);
  await vault.create('correct horse battery');
  for (const [n, at] of createdAt.entries()) {
    await vault.mutate((data) => {
      const secret = decodeBase32('JBSWY3DPEHPK3PXP').map((b, i) => (i === 0 ? (b + n) % 256 : b));
      const input = {
        type: 'totp' as const,
        issuer: `I${n}`,
        account: '',
        secret,
        algorithm: 'SHA1' as const,
        digits: 6,
        period: 30,
        counter: 0,
      };
      return { data: addAccount(data, input, { now: at }).vault, result: undefined };
    });
  }
  return { vault, services: { vault } as unknown as Services };
}

describe('backup prompt', () => {
  it('due once an account has been in no backup for 7 days; not before', async () => {
    const { services } = await setup([T0]);
    const never = { lastBackup: item<LastBackup>() };
    expect(await backupPrompt(services, never, item<number>(), T0 + BACKUP_PROMPT_AFTER_MS - 1)).toEqual({
      due: false,
      count: 1,
    });
    expect(await backupPrompt(services, never, item<number>(), T0 + BACKUP_PROMPT_AFTER_MS)).toEqual({
      due: true,
      count: 1,
    });
  });

  it('accounts in the last backup do not count; one added after it does, from when it was added', async () => {
    const { services } = await setup([T0, T0 + 10 * DAY]);
    const stores = { lastBackup: item<LastBackup>({ at: T0 + DAY }) };
    expect(await backupPrompt(services, stores, item<number>(), T0 + 12 * DAY)).toEqual({ due: false, count: 1 });
    expect(await backupPrompt(services, stores, item<number>(), T0 + 17 * DAY)).toEqual({ due: true, count: 1 });
    const all = { lastBackup: item<LastBackup>({ at: T0 + 11 * DAY }) };
    expect(await backupPrompt(services, all, item<number>(), T0 + 30 * DAY)).toEqual({ due: false, count: 0 });
  });

  it('a record an earlier version stored with the account count still reads; the count is dropped from storage', async () => {
    const { services } = await setup([T0, T0 + 10 * DAY]);
    const stores = { lastBackup: item<LastBackup>({ at: T0 + DAY, count: 1 } as LastBackup) };
    expect(await backupPrompt(services, stores, item<number>(), T0 + 17 * DAY)).toEqual({ due: true, count: 1 });
    expect(await stores.lastBackup.get()).toEqual({ at: T0 + DAY });
  });

  it('dismissed: quiet for 7 days, then due again', async () => {
    const { services } = await setup([T0]);
    const stores = { lastBackup: item<LastBackup>() };
    const dismissed = item<number>();
    await backupPromptDismiss(dismissed, T0 + 8 * DAY);
    expect((await backupPrompt(services, stores, dismissed, T0 + 9 * DAY)).due).toBe(false);
    expect((await backupPrompt(services, stores, dismissed, T0 + 15 * DAY)).due).toBe(true);
  });

  it('locked: never due', async () => {
    const { vault, services } = await setup([T0]);
    await vault.lock();
    expect(await backupPrompt(services, { lastBackup: item<LastBackup>() }, item<number>(), T0 + 30 * DAY)).toEqual({
      due: false,
      count: 0,
    });
  });
});
