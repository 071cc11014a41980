import { describe, expect, it } from 'vitest';
import {
  addAccount,
  deleteAccount,
  emptyVault,
  listAccounts,
  purgeTrash,
  restoreAccount,
  TRASH_RETENTION_MS,
  updateAccount,
  type VaultData,
} from '../../../src/core/vault';
import { CoreError, DuplicateAccount, isCoreError } from '../../../src/core/errors';
import { newAccount, sequentialIds } from './arbitraries';

const T0 = 1_700_000_000_000;
const DAY = 24 * 60 * 60 * 1000;

/** Deep-freezes a vault so any mutation inside an operation throws. */
function frozen(vault: VaultData): VaultData {
  const freeze = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return;
    Object.freeze(value);
    Object.values(value).forEach(freeze);
  };
  freeze(vault);
  return vault;
}

/** A vault with accounts id-1 (secret 1), id-2 (secret 2), id-3 (secret 3), added at T0, T0+1, T0+2. */
function threeAccounts(): VaultData {
  const newId = sequentialIds();
  let vault = emptyVault();
  for (const n of [1, 2, 3]) {
    vault = addAccount(vault, newAccount({ issuer: `Issuer ${n}`, secret: Uint8Array.of(n) }), {
      now: T0 + n - 1,
      newId,
    }).vault;
  }
  return frozen(vault);
}

describe('addAccount', () => {
  it('fills id, timestamps, defaults and the next order, without mutating the input vault', () => {
    const input = newAccount({ sites: ['https://a.example', 'https://a.example'] });
    const before = frozen(emptyVault());
    const { vault, account } = addAccount(before, input, { now: T0, newId: () => 'x1' });
    expect(before.accounts).toEqual([]);
    expect(vault.accounts).toEqual([account]);
    expect(account).toEqual({
      ...input,
      id: 'x1',
      sites: ['https://a.example'],
      backupCodes: [],
      createdAt: T0,
      updatedAt: T0,
      order: 0,
      pinned: false,
      fill: { submitOn: [], appendOn: [], exactOrigin: false },
    });
    expect(account.secret).not.toBe(input.secret);
    expect(threeAccounts().accounts.map((a) => a.order)).toEqual([0, 1, 2]);
  });

  it.each([
    ['same type and secret', { secret: Uint8Array.of(2) }, 'id-2'],
    ['same secret, different label', { secret: Uint8Array.of(3), issuer: 'Other', account: 'bob' }, 'id-3'],
  ])('rejects a duplicate (%s) with vault/duplicate carrying the existing id', (_name, overrides, existingId) => {
    const error = (() => {
      try {
        addAccount(threeAccounts(), newAccount(overrides), { now: T0, newId: () => 'new' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DuplicateAccount);
    expect(isCoreError(error, 'vault/duplicate')).toBe(true);
    expect((error as DuplicateAccount).existingId).toBe(existingId);
  });

  it.each([
    ['a different type with the same secret', { type: 'hotp' as const, secret: Uint8Array.of(1) }],
    ['a secret that is a prefix of another', { secret: Uint8Array.of(1, 0) }],
  ])('accepts %s', (_name, overrides) => {
    const { vault } = addAccount(threeAccounts(), newAccount(overrides), { now: T0, newId: () => 'new' });
    expect(vault.accounts).toHaveLength(4);
  });

  it('rejects an empty secret and an id that is already taken', () => {
    expect(() => addAccount(emptyVault(), newAccount({ secret: new Uint8Array() }), { now: T0 })).toThrow(CoreError);
    expect(() =>
      addAccount(threeAccounts(), newAccount({ secret: Uint8Array.of(9) }), { now: T0, newId: () => 'id-1' }),
    ).toThrow(/existing id/);
  });

  it('uses crypto.randomUUID when no newId is injected', () => {
    const { account } = addAccount(emptyVault(), newAccount(), { now: T0 });
    expect(account.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('updateAccount', () => {
  it('changes only the given fields and bumps updatedAt', () => {
    const base = threeAccounts();
    const vault = updateAccount(
      base,
      'id-2',
      {
        issuer: 'Renamed',
        sites: ['https://b.example', 'https://b.example'],
        pinned: true,
        backupCodes: [{ code: '123', used: false }],
      },
      { now: T0 + DAY },
    );
    const [, second] = vault.accounts;
    expect(second).toMatchObject({
      id: 'id-2',
      issuer: 'Renamed',
      account: 'alice@example.com',
      sites: ['https://b.example'],
      pinned: true,
      order: 1,
      backupCodes: [{ code: '123', used: false }],
      createdAt: T0 + 1,
      updatedAt: T0 + DAY,
    });
    // Untouched accounts are shared, not copied; the edited one is a new object.
    expect(vault.accounts[0]).toBe(base.accounts[0]);
    expect(second).not.toBe(base.accounts[1]);
    expect(base.accounts[1]?.issuer).toBe('Issuer 2');
  });

  it('throws vault/not-found for an unknown or trashed id', () => {
    const trashed = deleteAccount(threeAccounts(), 'id-1', { now: T0 });
    for (const [vault, id] of [
      [threeAccounts(), 'nope'],
      [trashed, 'id-1'],
    ] as const) {
      expect(() => updateAccount(vault, id, { issuer: 'x' }, { now: T0 })).toThrow(
        expect.objectContaining({ code: 'vault/not-found' }),
      );
    }
  });
});

describe('trash: delete, restore, purge', () => {
  it('delete moves the account to the trash with deletedAt; restore brings it back', () => {
    const deleted = deleteAccount(threeAccounts(), 'id-2', { now: T0 + DAY });
    expect(deleted.accounts.map((a) => a.id)).toEqual(['id-1', 'id-3']);
    expect(deleted.trash).toEqual([{ account: threeAccounts().accounts[1], deletedAt: T0 + DAY }]);

    const restored = restoreAccount(deleted, 'id-2', { now: T0 + 2 * DAY });
    expect(restored.trash).toEqual([]);
    expect(listAccounts(restored).map((a) => a.id)).toEqual(['id-1', 'id-2', 'id-3']);
    expect(restored.accounts.find((a) => a.id === 'id-2')?.updatedAt).toBe(T0 + 2 * DAY);
  });

  it('restore refuses when the same key was enrolled again meanwhile', () => {
    const deleted = deleteAccount(threeAccounts(), 'id-2', { now: T0 });
    const readded = addAccount(deleted, newAccount({ secret: Uint8Array.of(2) }), {
      now: T0,
      newId: () => 'again',
    }).vault;
    expect(() => restoreAccount(readded, 'id-2', { now: T0 })).toThrow(
      expect.objectContaining({ code: 'vault/duplicate', existingId: 'again' }),
    );
  });

  it.each([
    ['delete', (v: VaultData) => deleteAccount(v, 'nope', { now: T0 })],
    ['restore', (v: VaultData) => restoreAccount(v, 'id-1', { now: T0 })],
  ])('%s of an unknown id throws vault/not-found', (_name, run) => {
    expect(() => run(threeAccounts())).toThrow(expect.objectContaining({ code: 'vault/not-found' }));
  });

  it.each([
    ['just deleted', 0, ['id-1', 'id-2']],
    ['29 days later', 29 * DAY, ['id-1', 'id-2']],
    ['30 days after the first delete', 30 * DAY, ['id-2']],
    ['30 days after the second delete', 30 * DAY + 1, []],
  ])('purgeTrash %s keeps %j', (_name, elapsed, kept) => {
    let vault = deleteAccount(threeAccounts(), 'id-1', { now: T0 });
    vault = frozen(deleteAccount(vault, 'id-2', { now: T0 + 1 }));
    const purged = purgeTrash(vault, T0 + elapsed);
    expect(purged.trash.map((t) => t.account.id)).toEqual(kept);
    expect(purged.accounts).toEqual(vault.accounts);
    expect(TRASH_RETENTION_MS).toBe(30 * DAY);
  });

  it('purgeTrash accepts a custom retention', () => {
    const vault = deleteAccount(threeAccounts(), 'id-1', { now: T0 });
    expect(purgeTrash(vault, T0 + 1000, 1000).trash).toEqual([]);
    expect(purgeTrash(vault, T0 + 999, 1000).trash).toHaveLength(1);
  });
});

describe('listAccounts', () => {
  it('sorts pinned first, then by order, then by creation time, without reordering the vault', () => {
    let vault = threeAccounts();
    vault = updateAccount(vault, 'id-3', { pinned: true }, { now: T0 });
    vault = updateAccount(vault, 'id-1', { order: 5 }, { now: T0 });
    vault = updateAccount(vault, 'id-2', { order: 5 }, { now: T0 });
    expect(listAccounts(vault).map((a) => a.id)).toEqual(['id-3', 'id-1', 'id-2']);
    expect(vault.accounts.map((a) => a.id)).toEqual(['id-1', 'id-2', 'id-3']);
  });
});

describe('HOTP counter updates', () => {
  it('moves the counter forward only', () => {
    const { vault, account } = addAccount(
      emptyVault(),
      {
        type: 'hotp',
        issuer: 'I',
        account: 'a',
        secret: new Uint8Array([1, 2, 3]),
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 5,
      },
      { now: 1 },
    );
    const next = updateAccount(vault, account.id, { counter: 6 }, { now: 2 });
    expect(next.accounts[0]?.counter).toBe(6);
    expect(() => updateAccount(next, account.id, { counter: 5 }, { now: 3 })).toThrow(
      expect.objectContaining({ code: 'otp/bad-params', field: 'counter' }),
    );
  });
});
