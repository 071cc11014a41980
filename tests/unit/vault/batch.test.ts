/**
 * batchEdit: the import's many adds and replacements in one pass. It must give exactly what
 * addAccount and deleteAccount give one after another (same vault, same errors), in linear time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCoreError } from '../../../src/core/errors';
import {
  addAccount,
  batchEdit,
  deleteAccount,
  emptyVault,
  type NewAccount,
  type VaultData,
} from '../../../src/core/vault';
import { accountArb, newAccount, sequentialIds, vaultArb } from './arbitraries';

type Op = { add: NewAccount } | { delete: number };

const newAccountArb: fc.Arbitrary<NewAccount> = accountArb.map(
  ({ type, issuer, account, secret, algorithm, digits, period, counter, sites, pinned, order }) => ({
    type,
    issuer,
    account,
    secret,
    algorithm,
    digits,
    period,
    counter,
    sites,
    ...(pinned && { pinned }),
    ...(order < 1000 && { order }),
  }),
);

/** Adds (some with a key already in the vault: a duplicate) and deletes (by position; some miss). */
const opArb: fc.Arbitrary<Op> = fc.oneof(
  newAccountArb.map((add) => ({ add })),
  fc
    .tuple(newAccountArb, fc.nat(8))
    .map(([add, at]) => ({ add: { ...add, type: 'totp' as const, secret: Uint8Array.of(at) } })),
  fc.nat(12).map((at) => ({ delete: at })),
);

const outcome = (run: () => unknown): string => {
  try {
    run();
    return 'ok';
  } catch (error) {
    return isCoreError(error) ? `${error.code} ${JSON.stringify(error)}` : String(error);
  }
};

function oneByOne(vault: VaultData, ops: Op[]): { vault: VaultData; outcomes: string[] } {
  const newId = sequentialIds('new');
  let next = vault;
  const outcomes = ops.map((op) =>
    outcome(() => {
      if ('add' in op) next = addAccount(next, op.add, { now: 7, newId }).vault;
      else next = deleteAccount(next, next.accounts[op.delete]?.id ?? 'missing', { now: 8 });
    }),
  );
  return { vault: next, outcomes };
}

function batched(vault: VaultData, ops: Op[]): { vault: VaultData; outcomes: string[] } {
  const newId = sequentialIds('new');
  const batch = batchEdit(vault, { now: 7, newId });
  // The batch's own view of the active accounts, to pick "the account at position n" as the loop does.
  let active = [...vault.accounts];
  const outcomes = ops.map((op) =>
    outcome(() => {
      if ('add' in op) active.push(batch.add(op.add));
      else {
        const id = active[op.delete]?.id ?? 'missing';
        batch.delete(id);
        active = active.filter((a) => a.id !== id);
      }
    }),
  );
  return { vault: batch.done(), outcomes };
}

describe('batchEdit', () => {
  it('gives the vault and errors that addAccount / deleteAccount one by one give (property)', () => {
    fc.assert(
      fc.property(vaultArb, fc.array(opArb, { maxLength: 12 }), (vault, ops) => {
        const expected = oneByOne(vault, ops);
        // The batch stamps deletes with its one `now` (the commit uses one for both); the loop used 8.
        const got = batched(vault, ops);
        const restamp = (v: VaultData) => ({ ...v, trash: v.trash.map((t) => ({ ...t, deletedAt: 0 })) });
        expect(got.outcomes).toEqual(expected.outcomes);
        expect(restamp(got.vault)).toEqual(restamp(expected.vault));
      }),
      { numRuns: 300 },
    );
  });

  it('does not change the vault it was given', () => {
    const vault = addAccount(emptyVault(), newAccount(), { now: 1, newId: () => 'a' }).vault;
    const before = structuredClone(vault);
    const batch = batchEdit(vault, { now: 2, newId: sequentialIds() });
    batch.add(newAccount({ secret: Uint8Array.of(9) }));
    batch.delete('a');
    expect(batch.has('a')).toBe(false);
    expect(vault).toEqual(before);
    expect(batch.done().accounts.map((a) => a.id)).toEqual(['id-1']);
  });

  it('adds 10,000 accounts in well under a second (addAccount in a loop: ~8 s)', () => {
    const batch = batchEdit(emptyVault(), { now: 1, newId: sequentialIds() });
    const start = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const secret = new Uint8Array(10);
      new DataView(secret.buffer).setUint32(0, i);
      batch.add(newAccount({ secret }));
    }
    expect(batch.done().accounts).toHaveLength(10_000);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
