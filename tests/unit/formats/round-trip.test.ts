/** Export → import is the identity, for our backup, the otpauth list and the Aegis vault. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exportAegisEncrypted,
  exportBackup,
  exportOtpauthList,
  importFile,
  parseOtpauthList,
  verifyBackup,
} from '../../../src/core/formats';
import { readBackupAccounts } from '../../../src/core/formats/backup-accounts';
import type { ParsedAccount } from '../../../src/core/otpauth-uri';
import { anyAccount } from '../core/arbitraries';

/** Small KDF costs: the properties test the format, not the KDF's strength. */
const FAST = { iterations: 2 };
const FAST_SCRYPT = { scrypt: { N: 16, r: 1, p: 1 } };

/** Distinct type+secret, since later repeats are (deliberately) reported as duplicates. */
const accountList = <T extends ParsedAccount>(item: fc.Arbitrary<T>) =>
  fc.uniqueArray(item, { maxLength: 6, selector: (a) => `${a.type}:${a.secret.join(',')}` });

const withExtras = anyAccount.chain((account) =>
  fc
    .record(
      {
        sites: fc.uniqueArray(
          fc.webUrl().map((url) => new URL(url).origin),
          { maxLength: 3 },
        ),
        backupCodes: fc.array(fc.record({ code: fc.string({ maxLength: 12 }), used: fc.boolean() }), { maxLength: 4 }),
        fill: fc.record({
          submitOn: fc.subarray(['https://a.example', 'https://b.example:8443']),
          appendOn: fc.subarray(['https://a.example', 'http://c.example']),
          exactOrigin: fc.boolean(),
        }),
        addedOn: fc.webUrl().map((url) => new URL(url).origin),
        // Written only when true (an unpinned account has no field).
        pinned: fc.constant(true as const),
      },
      { requiredKeys: ['sites', 'backupCodes'] },
    )
    .map((extras) => ({ ...account, ...extras })),
);

/** One plain account for the hand-made cases. */
const ONE: ParsedAccount = {
  type: 'totp',
  issuer: 'Forge',
  account: 'me',
  secret: Uint8Array.of(1, 2, 3),
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};

describe('round trips', () => {
  it('our backup: exportBackup → importFile returns the accounts, sites, backup codes, fill options, addedOn and pin', async () => {
    await fc.assert(
      fc.asyncProperty(accountList(withExtras), fc.string({ maxLength: 16 }), async (accounts, password) => {
        const file = await exportBackup(accounts, password, FAST);
        const result = await importFile(file, { password });
        expect(result).toEqual({ format: 'clickauth-backup', accounts, skipped: [] });
        const verified = await verifyBackup(file, password, accounts);
        expect(verified).toEqual({ missing: [], extra: [], same: accounts, olderCounter: [] });
      }),
      { numRuns: 40 },
    );
  });

  it('our backup: an addedOn that is not an http(s) origin is left out, the account still imports; one that is not text is a damaged entry', async () => {
    const account = ONE;
    const cases = ['file://', 'javascript:alert(1)', 'https://a.example/path', 'not a url', 'https://a.example'];
    const file = await exportBackup(
      cases.map((addedOn, i) => ({ ...account, secret: Uint8Array.of(i + 1, 2, 3), addedOn })),
      'pw',
      FAST,
    );
    const result = await importFile(file, { password: 'pw' });
    expect(result.accounts.map((a) => a.addedOn)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      'https://a.example',
    ]);
    const numeric = await exportBackup([{ ...account, addedOn: 5 as unknown as string }], 'pw', FAST);
    expect((await importFile(numeric, { password: 'pw' })).skipped.map((s) => s.code)).toEqual(['import/corrupt']);
  });

  it('our backup: a pin that is not `true` is left out, the account still imports', () => {
    const flags = [true, false, 'true', 1, null, { pinned: true }];
    // The decrypted payload as a hand-edited or damaged file would hold it.
    const payload = {
      accounts: flags.map((pinned, i) => ({
        type: 'totp',
        issuer: 'Forge',
        account: `me${i}`,
        secret: 'JBSWY3DPEHPK3PX' + 'ABCDEF'[i],
        sites: [],
        pinned,
      })),
    };
    const result = readBackupAccounts(payload);
    expect(result.skipped).toEqual([]);
    expect(result.accounts.map((a) => a.pinned)).toEqual([true, undefined, undefined, undefined, undefined, undefined]);
  });

  it('otpauth list: exportOtpauthList → parseOtpauthList is the identity', () => {
    fc.assert(
      fc.property(accountList(anyAccount), (accounts) => {
        const text = exportOtpauthList(accounts);
        expect(parseOtpauthList(text)).toEqual({ accounts, skipped: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('otpauth list: importFile detects the exported text', async () => {
    await fc.assert(
      fc.asyncProperty(
        accountList(anyAccount).filter((a) => a.length > 0),
        async (accounts) => {
          const result = await importFile(exportOtpauthList(accounts));
          expect(result).toEqual({ format: 'otpauth-list', accounts, skipped: [] });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('Aegis: exportAegisEncrypted → importFile (our Aegis importer) is the identity, the pin as its "favorite"', async () => {
    const maybePinned = anyAccount.chain((account) =>
      fc.boolean().map((pinned) => (pinned ? { ...account, pinned: true as const } : account)),
    );
    await fc.assert(
      fc.asyncProperty(accountList(maybePinned), fc.string({ maxLength: 16 }), async (accounts, password) => {
        const file = await exportAegisEncrypted(accounts, password, FAST_SCRYPT);
        const result = await importFile(file, { password });
        expect(result).toEqual({ format: 'aegis-encrypted', accounts, skipped: [] });
      }),
      { numRuns: 30 },
    );
  });

  it("Aegis: the default export uses Aegis's own scrypt cost (N=2^15, r=8, p=1)", async () => {
    const account: ParsedAccount = {
      type: 'totp',
      issuer: 'Example',
      account: 'me',
      secret: Uint8Array.of(1, 2, 3, 4, 5),
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    };
    const file = await exportAegisEncrypted([account], 'pw');
    const slot = (JSON.parse(file) as { header: { slots: { n: number; r: number; p: number; type: number }[] } }).header
      .slots[0];
    expect(slot).toMatchObject({ type: 1, n: 32768, r: 8, p: 1 });
    expect((await importFile(file, { password: 'pw' })).accounts).toEqual([account]);
  });

  it('our backup: the default cost is the vault floor (600,000 PBKDF2 iterations)', async () => {
    const file = await exportBackup([], 'pw');
    expect(JSON.parse(file)).toMatchObject({
      format: 'clickauth-backup',
      version: 1,
      kdf: { name: 'PBKDF2-SHA256', iterations: 600_000 },
    });
  });
});
