/** fast-check generators and small builders for vault tests. */
import fc from 'fast-check';
import { CURRENT_VAULT_VERSION, type Account, type NewAccount, type VaultData } from '../../../src/core/vault';
import { cleanName } from '../../../src/core/vault/names';

/** Any name as the vault stores it (core/vault/names.ts cleanName: no hidden or reordering characters, one line). */
const nameArb = fc.string({ unit: 'binary' }).map(cleanName);

const finite = fc.oneof(
  fc.integer({ min: 0, max: 2 ** 45 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
);

export const accountArb: fc.Arbitrary<Account> = fc
  .record({
    id: fc.uuid(),
    type: fc.constantFrom('totp', 'hotp', 'steam'),
    issuer: nameArb,
    account: nameArb,
    secret: fc.uint8Array({ minLength: 1, maxLength: 64 }),
    algorithm: fc.constantFrom('SHA1', 'SHA256', 'SHA512'),
    digits: fc.integer({ min: 5, max: 8 }),
    period: fc.integer({ min: 1, max: 86_400 }),
    counter: fc.maxSafeNat(),
    sites: fc.array(
      fc.webUrl().map((url) => new URL(url).origin),
      { maxLength: 3 },
    ),
    backupCodes: fc.array(fc.record({ code: fc.string(), used: fc.boolean() }), { maxLength: 4 }),
    createdAt: finite,
    updatedAt: finite,
    order: finite,
    pinned: fc.boolean(),
    fill: fc.record({
      submitOn: fc.subarray(['https://a.example', 'https://b.example:8443']),
      appendOn: fc.subarray(['https://a.example', 'http://c.example']),
      exactOrigin: fc.boolean(),
    }),
    addedOn: fc.option(fc.webUrl().map((url) => new URL(url).origin)),
  })
  // An account added by typing, by import or before the field existed has no addedOn at all.
  .map(({ addedOn, ...account }) => (addedOn === null ? account : { ...account, addedOn }));

/** Vaults whose ids are unique across accounts and trash (a vault invariant). */
export const vaultArb: fc.Arbitrary<VaultData> = fc
  .record({
    accounts: fc.array(accountArb, { maxLength: 5 }),
    trash: fc.array(fc.record({ account: accountArb, deletedAt: finite }), { maxLength: 3 }),
  })
  .filter(({ accounts, trash }) => {
    const ids = [...accounts, ...trash.map((t) => t.account)].map((a) => a.id);
    return new Set(ids).size === ids.length;
  })
  .map(({ accounts, trash }) => ({ version: CURRENT_VAULT_VERSION, accounts, trash }));

export function newAccount(overrides: Partial<NewAccount> = {}): NewAccount {
  return {
    type: 'totp',
    issuer: 'Example',
    account: 'alice@example.com',
    secret: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    ...overrides,
  };
}

/** Sequential ids "id-1", "id-2", ... */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}
