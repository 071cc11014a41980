/**
 * Other apps' encrypted exports, from real samples made by each app's published rules
 * (tests/fixtures/imports/make-peer-exports.mjs, scripts/make-libsodium-fixtures.py): right password,
 * wrong password, a cut-off download, and Bitwarden's account-restricted export.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../../src/core/bytes/base32';
import { importFile } from '../../../src/core/formats';
import { DEFAULT_KDF_LIMITS } from '../../../src/core/formats/kdf-limits';
import { openPeerExport } from '../../../src/core/formats/peer-encrypted';
import { peekPeerEncrypted } from '../../../src/core/formats/peer-detect';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/imports/${name}`, import.meta.url), 'utf8');
const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: { code?: string }) => error.code,
  );

interface Sample {
  file: string;
  password: string;
  format: string;
  inner: string;
  accounts: { issuer: string; account: string; secret: string; type: string; digits?: number; algorithm?: string }[];
}

const SAMPLES: Sample[] = [
  {
    file: 'bitwarden-encrypted-pbkdf2.json',
    password: 'bitwarden-sample-password',
    format: 'bitwarden-encrypted',
    inner: 'bitwarden-json',
    accounts: [
      { issuer: 'Bitwarden Sample', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP', type: 'totp' },
      { issuer: 'GitLab', account: 'bob', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', type: 'totp' },
      { issuer: 'Steam', account: 'carol', secret: 'MFRGGZDFMZTWQ2LK', type: 'steam' },
    ],
  },
  {
    file: 'ente-auth-encrypted.txt',
    password: 'ente-sample-password',
    format: 'ente-auth-encrypted',
    inner: 'otpauth-list',
    accounts: [
      { issuer: 'Ente Sample', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP', type: 'totp' },
      {
        issuer: 'GitHub',
        account: 'bob',
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
        type: 'totp',
        digits: 8,
        algorithm: 'SHA256',
      },
      { issuer: 'Counter', account: 'carol', secret: 'MFRGGZDFMZTWQ2LK', type: 'hotp' },
    ],
  },
  {
    file: 'authenticator-ext-v3.json',
    password: 'authenticator-sample-password',
    format: 'authenticator-ext-v3',
    inner: 'authenticator-ext',
    accounts: [
      { issuer: 'Authenticator Sample', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP', type: 'totp' },
      {
        issuer: 'GitHub',
        account: 'bob',
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
        type: 'totp',
        digits: 8,
        algorithm: 'SHA256',
      },
      { issuer: 'Counter', account: 'carol', secret: 'MFRGGZDFMZTWQ2LK', type: 'hotp' },
    ],
  },
];

describe.each(SAMPLES)('$format sample ($file)', (sample) => {
  it('opens with its password and imports every account', async () => {
    const text = fixture(sample.file);
    expect(peekPeerEncrypted(text)?.format).toBe(sample.format);
    const opened = await openPeerExport(text, sample.password);
    expect(opened.format).toBe(sample.format);
    const result = await importFile(opened.text);
    expect(result.format === sample.inner || (sample.inner === 'otpauth-list' && result.format === 'ente-auth')).toBe(
      true,
    );
    expect(result.skipped).toEqual([]);
    const got = result.accounts.map((a) => ({
      issuer: a.issuer,
      account: a.account,
      secret: encodeBase32(a.secret),
      type: a.type,
      digits: a.digits,
      algorithm: a.algorithm,
    }));
    for (const [i, want] of sample.accounts.entries()) expect(got[i]).toMatchObject(want);
    expect(got).toHaveLength(sample.accounts.length);
  });

  it('refuses a wrong password with import/wrong-password', async () => {
    expect(await codeOf(openPeerExport(fixture(sample.file), `${sample.password}!`))).toBe('import/wrong-password');
  });

  it('a cut-off download is import/corrupt, whether opened or imported', async () => {
    const cut = fixture(sample.file.replace(/(\.[a-z]+)$/, '-truncated$1'));
    expect(peekPeerEncrypted(cut)).toBeUndefined();
    expect(await codeOf(importFile(cut))).toBe('import/corrupt');
    expect(await codeOf(openPeerExport(cut, sample.password))).toBe('import/unrecognized');
  });
});

describe('Authenticator extension v3 specifics', () => {
  it('an entry whose id is "__proto__" is imported like any other (it vanished into the prototype)', async () => {
    const file = JSON.parse(fixture('authenticator-ext-v3.json')) as Record<string, { dataType: string }>;
    const entries = Object.entries(file);
    const first = entries.findIndex(([, value]) => value.dataType === 'EncOTPStorage');
    // JSON text, since an object literal cannot hold an own "__proto__" key.
    const text = `{${entries.map(([id, value], i) => `${JSON.stringify(i === first ? '__proto__' : id)}:${JSON.stringify(value)}`).join(',')}}`;
    const opened = await openPeerExport(text, 'authenticator-sample-password');
    const result = await importFile(opened.text);
    expect(result.skipped).toEqual([]);
    expect(result.accounts.map((a) => a.issuer).sort()).toEqual(['Authenticator Sample', 'Counter', 'GitHub']);
  });
});

describe('Bitwarden specifics', () => {
  it('opens the Argon2id sample (SHA-256 of the salt, memory in MiB)', async () => {
    const opened = await openPeerExport(fixture('bitwarden-encrypted-argon2id.json'), 'bitwarden-sample-password');
    expect((await importFile(opened.text)).accounts).toHaveLength(3);
    expect(await codeOf(openPeerExport(fixture('bitwarden-encrypted-argon2id.json'), 'nope'))).toBe(
      'import/wrong-password',
    );
    expect(await codeOf(importFile(fixture('bitwarden-encrypted-argon2id-truncated.json')))).toBe('import/corrupt');
  });

  it('an account-restricted export says it cannot be read outside Bitwarden, before any password', async () => {
    const text = fixture('bitwarden-account-restricted.json');
    expect(() => peekPeerEncrypted(text)).toThrow(expect.objectContaining({ code: 'import/account-restricted' }));
    expect(await codeOf(importFile(text))).toBe('import/account-restricted');
    expect(await codeOf(openPeerExport(text, 'anything'))).toBe('import/account-restricted');
  });

  it('a changed data string after a good password is import/corrupt, not a wrong password', async () => {
    const json = JSON.parse(fixture('bitwarden-encrypted-pbkdf2.json')) as Record<string, string>;
    const [iv, ct, mac] = json['data']!.slice(2).split('|') as [string, string, string];
    const flipped = Buffer.from(ct, 'base64');
    flipped[0]! ^= 1;
    json['data'] = `2.${iv}|${flipped.toString('base64')}|${mac}`;
    expect(await codeOf(openPeerExport(JSON.stringify(json), 'bitwarden-sample-password'))).toBe('import/corrupt');
  });

  it('KDF costs beyond the limits are refused before any work (import/too-costly)', async () => {
    const argon = JSON.parse(fixture('bitwarden-encrypted-argon2id.json')) as Record<string, unknown>;
    const started = performance.now();
    expect(await codeOf(openPeerExport(JSON.stringify({ ...argon, kdfMemory: 1025 }), 'x'))).toBe('import/too-costly');
    expect(await codeOf(openPeerExport(JSON.stringify({ ...argon, kdfType: 0, kdfIterations: 2_000_001 }), 'x'))).toBe(
      'import/too-costly',
    );
    const ente = JSON.parse(fixture('ente-auth-encrypted.txt')) as { kdfParams: Record<string, unknown> };
    const costly = { ...ente, kdfParams: { ...ente.kdfParams, memLimit: 2 ** 30, opsLimit: 5 } };
    expect(await codeOf(openPeerExport(JSON.stringify(costly), 'x'))).toBe('import/too-costly');
    const limits = { ...DEFAULT_KDF_LIMITS, argon2MemoryBytes: 4 * 1024 * 1024 };
    expect(await codeOf(openPeerExport(fixture('ente-auth-encrypted.txt'), 'x', { limits }))).toBe('import/too-costly');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
