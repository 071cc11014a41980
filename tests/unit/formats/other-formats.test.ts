/**
 * Formats without peer fixtures: the Authenticator extension's backup (plain and its legacy
 * CryptoJS encryption, built here with node:crypto), Bitwarden details, migration lines, and
 * verifyBackup. Files are synthesized from each app's documented layout (cited in src).
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../../src/core/bytes/base32';
import { exportBackup, exportOtpauthList, importFile, parseOtpauthList, verifyBackup } from '../../../src/core/formats';
import { encodeMigration, type ParsedAccount } from '../../../src/core/otpauth-uri';

const totp = (issuer: string, secret: number[]): ParsedAccount => ({
  type: 'totp',
  issuer,
  account: 'me',
  secret: Uint8Array.from(secret),
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
});

/** CryptoJS.AES.encrypt(text, passphrase): OpenSSL "Salted__" + EVP_BytesToKey(MD5) + AES-256-CBC. */
function cryptoJsEncrypt(text: string, passphrase: string): string {
  const salt = randomBytes(8);
  let derived = Buffer.alloc(0);
  let block = Buffer.alloc(0);
  while (derived.length < 48) {
    block = createHash('md5')
      .update(Buffer.concat([block, Buffer.from(passphrase), salt]))
      .digest();
    derived = Buffer.concat([derived, block]);
  }
  const cipher = createCipheriv('aes-256-cbc', derived.subarray(0, 32), derived.subarray(32, 48));
  return Buffer.concat([Buffer.from('Salted__'), salt, cipher.update(text, 'utf8'), cipher.final()]).toString('base64');
}

describe('Authenticator extension backup', () => {
  const plain = {
    '8a4b3c0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e': {
      account: 'alice',
      issuer: 'Example',
      secret: 'JBSW Y3DP EHPK 3PXP',
      type: 'totp',
      encrypted: false,
      index: 0,
    },
    b: {
      account: 'bob',
      issuer: 'Hex',
      secret: '3132333435363738393031323334353637383930',
      type: 'hex',
      digits: 8,
      period: 60,
      algorithm: 'SHA256',
      encrypted: false,
      index: 1,
    },
    c: {
      issuer: 'Counter',
      secret: 'GEZDGNBVGY3TQOJQ',
      type: 'hotp',
      counter: 7,
      algorithm: 3,
      encrypted: false,
      index: 2,
    },
    d: { issuer: 'Valve', secret: 'stm-JRZCL47CMXVOQMNPZR2F7J4RGI', encrypted: false, index: 3 },
    e: { issuer: 'Blizzard', secret: 'blz-BMGRXPGFARQQF4GMT25JATL2VYLAHDBI', encrypted: false, index: 4 },
    f: { issuer: 'Gost', secret: 'GEZDGNBVGY3TQOJQ', algorithm: 'GOST3411_2012_256', encrypted: false, index: 5 },
  };

  it('imports every type, prefix and algorithm form; skips GOST as unsupported', async () => {
    const result = await importFile(JSON.stringify(plain));
    expect(result.format).toBe('authenticator-ext');
    expect(
      result.accounts.map((a) => [
        a.issuer,
        a.type,
        encodeBase32(a.secret),
        a.algorithm,
        a.digits,
        a.period,
        a.counter,
      ]),
    ).toEqual([
      ['Example', 'totp', 'JBSWY3DPEHPK3PXP', 'SHA1', 6, 30, 0],
      ['Hex', 'totp', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'SHA256', 8, 60, 0],
      ['Counter', 'hotp', 'GEZDGNBVGY3TQOJQ', 'SHA512', 6, 30, 7],
      ['Valve', 'steam', 'JRZCL47CMXVOQMNPZR2F7J4RGI', 'SHA1', 5, 30, 0],
      ['Blizzard', 'totp', 'BMGRXPGFARQQF4GMT25JATL2VYLAHDBI', 'SHA1', 8, 30, 0],
    ]);
    expect(result.skipped).toEqual([
      { name: 'Gost', code: 'import/unsupported-entry', reason: expect.any(String) as string },
    ]);
  });

  it('decrypts the legacy per-secret CryptoJS encryption; asks for and checks the password', async () => {
    const file = JSON.stringify({
      x: {
        issuer: 'Example',
        account: 'alice',
        secret: cryptoJsEncrypt('JBSWY3DPEHPK3PXP', 'hunter2'),
        encrypted: true,
        index: 0,
      },
    });
    await expect(importFile(file)).rejects.toMatchObject({ code: 'import/needs-password' });
    await expect(importFile(file, { password: 'wrong' })).rejects.toMatchObject({ code: 'import/wrong-password' });
    const result = await importFile(file, { password: 'hunter2' });
    expect(result.format).toBe('authenticator-ext-encrypted');
    expect(result.accounts.map((a) => encodeBase32(a.secret))).toEqual(['JBSWY3DPEHPK3PXP']);
  });

  it('decrypts secrets under a key stored as key.enc (encrypted with the password)', async () => {
    const file = JSON.stringify({
      key: { enc: cryptoJsEncrypt('random-key-material', 'hunter2'), hash: 'ignored' },
      x: {
        issuer: 'Example',
        secret: cryptoJsEncrypt('JBSWY3DPEHPK3PXP', 'random-key-material'),
        encrypted: true,
        index: 0,
      },
    });
    const result = await importFile(file, { password: 'hunter2' });
    expect(result.accounts.map((a) => encodeBase32(a.secret))).toEqual(['JBSWY3DPEHPK3PXP']);
  });

  it('skips newer per-key encrypted entries as unsupported', async () => {
    const file = JSON.stringify({
      k: { dataType: 'Key', id: 'k', salt: 's' },
      x: { dataType: 'EncOTPStorage', data: 'abc', keyId: 'k', index: 0 },
    });
    const result = await importFile(file, { password: 'pw' });
    expect(result.accounts).toEqual([]);
    expect(result.skipped).toEqual([
      { name: '', code: 'import/unsupported-entry', reason: expect.any(String) as string },
    ]);
  });
});

describe('Bitwarden', () => {
  it('JSON: raw base32 totp takes the item name; login URIs become sites; items without totp are ignored', async () => {
    const file = JSON.stringify({
      encrypted: false,
      items: [
        {
          name: 'Example',
          login: {
            username: 'alice',
            totp: 'JBSWY3DPEHPK3PXP',
            uris: [{ uri: 'https://login.example.com/path' }, { uri: 'example.org' }, { uri: 'androidapp://x' }],
          },
        },
        { name: 'No TOTP', login: { username: 'bob', totp: null } },
        { name: 'Note', type: 2, secureNote: {} },
      ],
    });
    const result = await importFile(file);
    expect(result.accounts).toEqual([
      expect.objectContaining({
        type: 'totp',
        issuer: 'Example',
        account: 'alice',
        sites: ['https://login.example.com', 'https://example.org'],
      }),
    ]);
    expect(result.skipped).toEqual([]);
  });

  it('JSON: an item with a field of the wrong type is skipped by its name, like an entry of any other format; the others import', async () => {
    const good = { name: 'Good', login: { username: 'me', totp: 'JBSWY3DPEHPK3PXP' } };
    const file = JSON.stringify({
      encrypted: false,
      items: [
        good,
        { name: 'Numeric', login: { username: 'you', totp: 123456 } },
        { name: 'Odd user', login: { username: {}, totp: 'KRSXG5CTMVRXEZLU' } },
        { name: 'Also good', login: { username: 'me', totp: 'GEZDGNBVGY3TQOJQ', uris: [{ uri: 5 }] } },
      ],
    });
    const result = await importFile(file);
    expect(result.accounts.map((a) => a.issuer)).toEqual(['Good', 'Also good']);
    expect(result.skipped.map((s) => [s.name, s.code])).toEqual([
      ['Numeric: you', 'import/corrupt'],
      ['Odd user', 'import/corrupt'],
    ]);
  });

  it('JSON: an account-restricted export says it cannot be read outside Bitwarden; a password-protected one needs its password', async () => {
    await expect(importFile(JSON.stringify({ encrypted: true, items: [] }))).rejects.toMatchObject({
      code: 'import/account-restricted',
    });
    // The options page opens password-protected exports itself (peer-encrypted.ts); the background only asks for the password.
    await expect(
      importFile(JSON.stringify({ encrypted: true, passwordProtected: true, items: [] })),
    ).rejects.toMatchObject({ code: 'import/needs-password' });
  });

  it('CSV: quoted fields with commas, quotes and newlines', async () => {
    const csv =
      'folder,favorite,type,name,notes,fields,login_uri,login_username,login_password,login_totp\r\n' +
      ',,login,"Acme, Inc.","multi\nline ""note""",,https://acme.test,joe,pw,otpauth://totp/?secret=JBSWY3DPEHPK3PXP\r\n';
    const result = await importFile(csv);
    expect(result.format).toBe('bitwarden-csv');
    expect(result.accounts).toEqual([
      expect.objectContaining({ issuer: 'Acme, Inc.', account: 'joe', sites: ['https://acme.test'] }),
    ]);
  });

  it('a favorite (JSON `favorite: true`, CSV `1`) is pinned; anything else is not', async () => {
    const item = (name: string, totp: string, favorite: unknown) => ({
      name,
      favorite,
      login: { username: 'me', totp },
    });
    const json = JSON.stringify({
      encrypted: false,
      items: [
        item('Fav', 'JBSWY3DPEHPK3PXP', true),
        item('Not', 'KRSXG5CTMVRXEZLU', false),
        item('Odd', 'GEZDGNBVGY3TQOJQ', 'true'),
      ],
    });
    expect((await importFile(json)).accounts.map((a) => [a.issuer, a.pinned ?? false])).toEqual([
      ['Fav', true],
      ['Not', false],
      ['Odd', false],
    ]);
    const csv =
      'folder,favorite,type,name,notes,fields,login_uri,login_username,login_password,login_totp\n' +
      ',1,login,Fav,,,,me,,JBSWY3DPEHPK3PXP\n' +
      ',,login,Not,,,,me,,KRSXG5CTMVRXEZLU\n';
    expect((await importFile(csv)).accounts.map((a) => [a.issuer, a.pinned ?? false])).toEqual([
      ['Fav', true],
      ['Not', false],
    ]);
  });

  it('CSV: an unclosed quote (truncated file) is import/corrupt', async () => {
    await expect(importFile('name,login_totp\n"Acme,JBSWY3DPEHPK3PXP\n')).rejects.toMatchObject({
      code: 'import/corrupt',
    });
  });
});

describe('otpauth lists', () => {
  it('expands otpauth-migration:// lines to all their accounts', async () => {
    const accounts = [totp('One', [1, 2, 3, 4, 5]), totp('Two', [6, 7, 8, 9, 10])];
    const migration = encodeMigration({ accounts, version: 1, batchSize: 1, batchIndex: 0, batchId: 1 });
    const result = await importFile(`${migration}\n${exportOtpauthList([totp('Three', [11, 12, 13])])}`);
    expect(result.accounts.map((a) => a.issuer)).toEqual(['One', 'Two', 'Three']);
  });

  it('an export shown as several QR codes with only some of them here is reported (have / of); a complete one is not', async () => {
    const part = (i: number, batchId: number, size: number) =>
      encodeMigration({
        accounts: [totp(`P${batchId}-${i}`, [batchId, i, 3, 4, 5])],
        version: 1,
        batchSize: size,
        batchIndex: i,
        batchId,
      });
    const partial = await importFile(`${part(0, 7, 3)}\n${part(2, 7, 3)}\n${part(0, 8, 2)}\n${part(1, 8, 2)}\n`);
    expect(partial.accounts).toHaveLength(4);
    expect(partial.incompleteExports).toEqual([{ have: 2, of: 3 }]);
    // Control: every part of each export, or a single-code export: nothing to report.
    const whole = await importFile(`${part(0, 8, 2)}\n${part(1, 8, 2)}\n${part(0, 9, 1)}\n`);
    expect(whole.incompleteExports).toBeUndefined();
  });

  it('parses a 1000-line list (the benchmark input) quickly and completely', () => {
    const list = exportOtpauthList(
      Array.from({ length: 1000 }, (_, i) => totp(`Issuer ${i}`, [i >> 8, i & 255, 1, 2, 3])),
    );
    const started = performance.now();
    const result = parseOtpauthList(list);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.accounts).toHaveLength(1000);
  });
});

describe("Ente Auth's plain export: its display settings (codeDisplay)", () => {
  // Ente's CodeDisplay JSON as its export writes it (Uri.encodeQueryComponent: %-escapes, spaces as +).
  const display = (settings: Record<string, unknown> | string) =>
    encodeURIComponent(typeof settings === 'string' ? settings : JSON.stringify(settings));
  const line = (issuer: string, secret: string, codeDisplay?: string) =>
    `otpauth://totp/${issuer}:me?secret=${secret}&issuer=${issuer}` +
    (codeDisplay === undefined ? '' : `&codeDisplay=${codeDisplay}`);
  const base = { lastUsedAt: 0, tapCount: 0, tags: [], note: 'a+b & c' };

  it("a pinned code is pinned; a code in Ente's trash is listed as such and not imported; unreadable settings are ignored", async () => {
    const text = [
      line('Pinned', 'JBSWY3DPEHPK3PXP', display({ ...base, pinned: true, trashed: false })),
      line('Deleted', 'KRSXG5CTMVRXEZLU', display({ ...base, pinned: true, trashed: true })),
      line('Plain', 'GEZDGNBVGY3TQOJQ', display({ ...base, pinned: false, trashed: false })),
      line('Broken', 'MFRGGZDFMZTWQ2LK', display('{"pinned":tru')),
      line('Odd', 'MZXW6YTBOI', display({ pinned: 'yes', trashed: 1 })),
      line('Spaced', 'ONSWG4TFOQ', display({ ...base, pinned: true }).replace(/%20/g, '+')),
    ].join('\n');
    const result = await importFile(text);
    expect(result.format).toBe('ente-auth');
    expect(result.accounts.map((a) => [a.issuer, a.pinned ?? false])).toEqual([
      ['Pinned', true],
      ['Plain', false],
      ['Broken', false],
      ['Odd', false],
      ['Spaced', true],
    ]);
    expect(result.skipped).toEqual([{ name: '', line: 2, code: 'import/in-trash', reason: expect.any(String) }]);
  });

  it('control: a line without display settings (any other otpauth list) imports unpinned', () => {
    expect(parseOtpauthList(line('Plain', 'JBSWY3DPEHPK3PXP')).accounts.map((a) => a.pinned)).toEqual([undefined]);
  });
});

describe('verifyBackup', () => {
  it('reports accounts missing from, extra in, and the same as the backup', async () => {
    const [a, b, c] = [totp('A', [1, 2, 3]), totp('B', [4, 5, 6]), totp('C', [7, 8, 9])];
    const file = await exportBackup([a, b], 'pw', { iterations: 2 });
    const renamed = { ...b, account: 'someone else' };
    expect(await verifyBackup(file, 'pw', [a, renamed, c])).toEqual({
      same: [a],
      olderCounter: [],
      missing: [renamed, c],
      extra: [{ ...b, sites: [], backupCodes: [] }],
    });
    await expect(verifyBackup(file, 'nope', [a])).rejects.toMatchObject({ code: 'import/wrong-password' });
    await expect(verifyBackup(exportOtpauthList([a]), 'pw', [a])).rejects.toMatchObject({
      code: 'import/unrecognized',
    });
  });

  it('an HOTP account used since the backup (higher counter in the vault) is in the backup, with an older counter', async () => {
    const hotp: ParsedAccount = { ...totp('H', [2, 4, 6]), type: 'hotp', counter: 5 };
    const absent: ParsedAccount = { ...hotp, secret: new Uint8Array([9, 9, 9]) };
    const file = await exportBackup([hotp], 'pw', { iterations: 2 });
    const used = { ...hotp, counter: 7 };
    expect(await verifyBackup(file, 'pw', [used, absent])).toEqual({
      same: [used],
      olderCounter: [used],
      missing: [absent],
      extra: [],
    });
    // Control: the same counter is simply the same account, and a different key is still missing.
    expect(await verifyBackup(file, 'pw', [hotp, absent])).toEqual({
      same: [hotp],
      olderCounter: [],
      missing: [absent],
      extra: [],
    });
  });
});
