import { describe, expect, it } from 'vitest';
import { CURRENT_VAULT_VERSION, MIGRATIONS, migrate, type Migration, type VersionedDoc } from '../../../src/core/vault';
import { UnsupportedVersion, VaultCorrupted } from '../../../src/core/errors';

/**
 * A synthetic history, to prove the chain: v0 (a pre-release shape with `entries` and a single
 * `site`) → v1 (`accounts`, `sites[]`) → v2 (adds `trash`).
 */
const synthetic: Record<number, Migration> = {
  0: (doc) => {
    const entries = doc.entries as { label: string; site?: string }[];
    return {
      version: 1,
      accounts: entries.map(({ label, site }) => ({ label, sites: site === undefined ? [] : [site] })),
    };
  },
  1: (doc) => ({ ...doc, version: 2, trash: [] }),
};

describe('migrate (the chain)', () => {
  it.each([
    [
      'v0 → v2 through both steps',
      { version: 0, entries: [{ label: 'a', site: 'https://a.example' }, { label: 'b' }] },
    ],
    [
      'v1 → v2 through one step',
      {
        version: 1,
        accounts: [
          { label: 'a', sites: ['https://a.example'] },
          { label: 'b', sites: [] },
        ],
      },
    ],
  ])('%s', (_name, doc) => {
    const input = structuredClone(doc);
    expect(migrate(doc, synthetic, 2)).toEqual({
      version: 2,
      accounts: [
        { label: 'a', sites: ['https://a.example'] },
        { label: 'b', sites: [] },
      ],
      trash: [],
    });
    expect(doc).toEqual(input);
  });

  it('a document already at the current version passes through unchanged', () => {
    const doc = { version: 2, anything: [1, 2, 3] };
    expect(migrate(doc, synthetic, 2)).toBe(doc);
  });

  it('a gap in the chain is UnsupportedVersion; a step that skips a version is a bug', () => {
    expect(() => migrate({ version: 0 }, { 1: synthetic[1]! }, 2)).toThrow(UnsupportedVersion);
    const skipping: Migration = (doc: VersionedDoc) => ({ ...doc, version: 3 });
    expect(() => migrate({ version: 1 }, { 1: skipping }, 3)).toThrow(/produced version 3/);
  });

  it('a step that mutates its input cannot reach the caller', () => {
    const doc = { version: 0, entries: [] as unknown[] };
    const mutating: Migration = (d) => {
      (d.entries as unknown[]).push('junk');
      return { version: 1 };
    };
    migrate(doc, { 0: mutating }, 1);
    expect(doc.entries).toEqual([]);
  });
});

describe('migrate (production table)', () => {
  it('v4 is current: migrations from v1, v2 and v3', () => {
    expect(CURRENT_VAULT_VERSION).toBe(4);
    expect(Object.keys(MIGRATIONS)).toEqual(['1', '2', '3']);
  });

  it('v4 passes through unchanged', () => {
    const doc = { version: 4, accounts: [], trash: [] };
    expect(migrate(doc)).toBe(doc);
  });

  it('v1 → v4 turns the fill options off for every account, active or in the trash, and keeps the rest', () => {
    const account = { id: 'a', issuer: 'Site', sites: ['https://a.example'], pinned: true };
    const doc = {
      version: 1,
      accounts: [account],
      trash: [{ account: { ...account, id: 'b' }, deletedAt: 5 }],
      extra: 1,
    };
    const off = { submitOn: [], appendOn: [], exactOrigin: false };
    expect(migrate(doc)).toEqual({
      version: 4,
      accounts: [{ ...account, fill: off }],
      trash: [{ account: { ...account, id: 'b', fill: off }, deletedAt: 5 }],
      extra: 1,
    });
    expect(doc.accounts[0]).not.toHaveProperty('fill');
  });

  it('v2 → v3 adds "exact origin" off and keeps the other fill options as they were', () => {
    const account = { id: 'a', sites: ['https://a.example'], fill: { submit: true, appendToPassword: false } };
    const doc = { version: 2, accounts: [account], trash: [{ account: { ...account, id: 'b' }, deletedAt: 5 }] };
    const fill = { submit: true, appendToPassword: false, exactOrigin: false };
    expect(MIGRATIONS[2]!(structuredClone(doc))).toEqual({
      version: 3,
      accounts: [{ ...account, fill }],
      trash: [{ account: { ...account, id: 'b', fill }, deletedAt: 5 }],
    });
    expect(migrate(doc).accounts).toEqual([
      { ...account, fill: { submitOn: ['https://a.example'], appendOn: [], exactOrigin: false } },
    ]);
    expect(doc.accounts[0]!.fill).not.toHaveProperty('exactOrigin');
  });

  it("v3 → v4: an option that was on holds for the account's own sites (exact origins), not their whole domains; off stays off", () => {
    const sites = ['https://webmail.example', 'https://panel.example:8443'];
    const account = { id: 'a', sites, fill: { submit: true, appendToPassword: false, exactOrigin: true } };
    const other = { id: 'c', sites: [], fill: { submit: true, appendToPassword: true, exactOrigin: false } };
    const doc = {
      version: 3,
      accounts: [account, other],
      trash: [{ account: { ...account, id: 'b', fill: { ...account.fill, appendToPassword: true } }, deletedAt: 5 }],
    };
    const before = structuredClone(doc);
    expect(MIGRATIONS[3]!(structuredClone(doc))).toEqual({
      version: 4,
      accounts: [
        { ...account, fill: { submitOn: sites, appendOn: [], exactOrigin: true } },
        { ...other, fill: { submitOn: [], appendOn: [], exactOrigin: false } },
      ],
      trash: [
        {
          account: { ...account, id: 'b', fill: { submitOn: sites, appendOn: sites, exactOrigin: true } },
          deletedAt: 5,
        },
      ],
    });
    expect(doc).toEqual(before); // pure: the input is untouched
  });

  it('v1 → v4 and v2 → v4 leave malformed parts for validation to reject', () => {
    expect(migrate({ version: 1, accounts: 'x', trash: [null] })).toEqual({ version: 4, accounts: 'x', trash: [null] });
    expect(migrate({ version: 2, accounts: [{ id: 'a' }, 7], trash: 'y' })).toEqual({
      version: 4,
      accounts: [{ id: 'a' }, 7],
      trash: 'y',
    });
  });

  it.each([
    [{ version: 5 }, UnsupportedVersion],
    [{ version: 0 }, UnsupportedVersion],
    [{ version: '1' }, VaultCorrupted],
    [{}, VaultCorrupted],
    [null, VaultCorrupted],
    [[], VaultCorrupted],
  ])('%j → %O', (doc, expected) => {
    expect(() => migrate(doc)).toThrow(expected);
  });
});
