/**
 * Blobs written by earlier releases, committed under tests/fixtures/vault-blobs/. If a change to
 * the envelope format, the JSON encoding or the schema cannot read them any more, these fail:
 * add a migration (or a format reader) instead of regenerating the fixture.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../../src/core/bytes/base32';
import { readEnvelopeHeader, sealWithKey, unlockEnvelope } from '../../../src/core/crypto';
import { WrongPassword } from '../../../src/core/errors';
import {
  CURRENT_VAULT_VERSION,
  deserializeVault,
  listAccounts,
  serializeVault,
  type Account,
} from '../../../src/core/vault';

type StoredFill = { submit: boolean; appendToPassword: boolean; exactOrigin?: boolean };
type StoredAccount = Omit<Account, 'secret' | 'fill'> & { secret: string; fill?: StoredFill };
interface BlobFixture {
  password: string;
  iterations: number;
  blob: string;
  expected: { version: number; accounts: StoredAccount[]; trash: { account: StoredAccount; deletedAt: number }[] };
}

const load = (name: string): BlobFixture =>
  JSON.parse(readFileSync(new URL(`../../fixtures/vault-blobs/${name}`, import.meta.url), 'utf8')) as BlobFixture;

/** A v1 blob opens migrated: v2 added the fill options, v3 "exact origin"; off for every stored account. */
const FILL_OFF = { submitOn: [], appendOn: [], exactOrigin: false };
const toAccount = (stored: StoredAccount): Account => ({
  ...stored,
  fill: FILL_OFF,
  secret: decodeBase32(stored.secret),
});

describe.each(['v1-small.json'])('stored blob %s', (name) => {
  const fixture = load(name);
  const open = async () => deserializeVault((await unlockEnvelope(fixture.blob, fixture.password)).plaintext);

  it('has the header it was written with', async () => {
    expect(await readEnvelopeHeader(fixture.blob)).toMatchObject({
      formatVersion: 1,
      kdf: 'PBKDF2-HMAC-SHA256',
      iterations: fixture.iterations,
    });
  });

  it('opens to exactly the expected accounts and trash', async () => {
    const vault = await open();
    expect(fixture.expected.version).toBe(1);
    expect(vault.version).toBe(CURRENT_VAULT_VERSION);
    expect(vault.accounts).toEqual(fixture.expected.accounts.map(toAccount));
    expect(vault.trash).toEqual(fixture.expected.trash.map((t) => ({ ...t, account: toAccount(t.account) })));
  });

  it.each(load(name).expected.accounts.map((a, index) => [a.id, index] as const))(
    'account %s: every field matches',
    async (_id, index) => {
      const actual = (await open()).accounts[index];
      const expected = fixture.expected.accounts[index];
      if (actual === undefined || expected === undefined) throw new Error('missing account');
      for (const key of Object.keys(expected) as (keyof StoredAccount)[]) {
        if (key === 'secret') expect(actual.secret, key).toEqual(decodeBase32(expected.secret));
        else expect(actual[key], key).toEqual(expected[key]);
      }
      expect(actual.fill).toEqual(FILL_OFF);
      expect(Object.keys(actual).sort()).toEqual([...Object.keys(expected), 'fill'].sort());
    },
  );

  it('lists the pinned Steam account first', async () => {
    expect(listAccounts(await open()).map((a) => a.id)).toEqual(['acc-steam', 'acc-github', 'acc-bank']);
  });

  it('opens with the NFD form of the password, not with a wrong one', async () => {
    expect((await unlockEnvelope(fixture.blob, fixture.password.normalize('NFD'))).iterations).toBe(fixture.iterations);
    await expect(unlockEnvelope(fixture.blob, `${fixture.password} `)).rejects.toBeInstanceOf(WrongPassword);
  });

  it('can be re-sealed by the current code and read back', async () => {
    const { vaultKey, plaintext } = await unlockEnvelope(fixture.blob, fixture.password);
    const vault = deserializeVault(plaintext);
    const resealed = await sealWithKey(fixture.blob, vaultKey, serializeVault(vault));
    expect(deserializeVault((await unlockEnvelope(resealed, fixture.password)).plaintext)).toEqual(vault);
  });
});

/** Schema 2 stored per-account fill options; v3 adds "exact origin", off, and keeps the options as stored. */
describe('stored blob v2-fill-options.json', () => {
  const fixture = load('v2-fill-options.json');
  const open = async () => deserializeVault((await unlockEnvelope(fixture.blob, fixture.password)).plaintext);
  // v3 added "exact origin" (off); v4 turned an option that was on into the account's own sites.
  const toV3 = (stored: StoredAccount): Account => ({
    ...stored,
    secret: decodeBase32(stored.secret),
    fill: perOrigin(stored),
  });

  it('is a schema 2 document with fill options on some accounts', () => {
    expect(fixture.expected.version).toBe(2);
    expect(fixture.expected.accounts.map((a) => a.fill)).toEqual([
      { submit: true, appendToPassword: false },
      { submit: false, appendToPassword: true },
    ]);
  });

  it('opens migrated to the current schema: the same accounts and trash, "exact origin" off', async () => {
    const vault = await open();
    expect(vault.version).toBe(CURRENT_VAULT_VERSION);
    expect(vault.accounts).toEqual(fixture.expected.accounts.map(toV3));
    expect(vault.trash).toEqual(fixture.expected.trash.map((t) => ({ ...t, account: toV3(t.account) })));
  });

  it('re-sealed by the current code, reads back identical', async () => {
    const { vaultKey, plaintext } = await unlockEnvelope(fixture.blob, fixture.password);
    const vault = deserializeVault(plaintext);
    const resealed = await sealWithKey(fixture.blob, vaultKey, serializeVault(vault));
    expect(deserializeVault((await unlockEnvelope(resealed, fixture.password)).plaintext)).toEqual(vault);
  });
});

/** v4: an option that was on (for the whole registrable domain) holds for the account's own sites only. */
function perOrigin(stored: StoredAccount): Account['fill'] {
  const fill = stored.fill!;
  return {
    submitOn: fill.submit ? [...stored.sites] : [],
    appendOn: fill.appendToPassword ? [...stored.sites] : [],
    exactOrigin: fill.exactOrigin ?? false,
  };
}

/** Schema 3 held auto-submit and password + code as booleans for the registrable domain; v4 per origin. */
describe('stored blob v3-exact-origin.json', () => {
  const fixture = load('v3-exact-origin.json');
  const open = async () => deserializeVault((await unlockEnvelope(fixture.blob, fixture.password)).plaintext);
  const toV4 = (stored: StoredAccount): Account => ({
    ...stored,
    secret: decodeBase32(stored.secret),
    fill: perOrigin(stored),
  });

  it('is a schema 3 document with the options on and off', () => {
    expect(fixture.expected.version).toBe(3);
    expect(fixture.expected.accounts.map((a) => a.fill)).toEqual([
      { submit: false, appendToPassword: true, exactOrigin: false },
      { submit: true, appendToPassword: false, exactOrigin: true },
    ]);
  });

  it("opens migrated to v4: each option that was on holds for the account's own origins, exact origin kept", async () => {
    const vault = await open();
    expect(vault.version).toBe(CURRENT_VAULT_VERSION);
    expect(vault.accounts).toEqual(fixture.expected.accounts.map(toV4));
    expect(vault.accounts.map((a) => a.fill)).toEqual([
      { submitOn: [], appendOn: ['https://webmail.example.test'], exactOrigin: false },
      { submitOn: ['https://panel.example.test', 'https://admin.example.test:8443'], appendOn: [], exactOrigin: true },
    ]);
    expect(vault.trash).toEqual(fixture.expected.trash.map((t) => ({ ...t, account: toV4(t.account) })));
  });

  it('re-sealed by the current code, reads back identical', async () => {
    const { vaultKey, plaintext } = await unlockEnvelope(fixture.blob, fixture.password);
    const vault = deserializeVault(plaintext);
    const resealed = await sealWithKey(fixture.blob, vaultKey, serializeVault(vault));
    expect(deserializeVault((await unlockEnvelope(resealed, fixture.password)).plaintext)).toEqual(vault);
  });
});
