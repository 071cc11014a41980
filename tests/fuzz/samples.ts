/**
 * Seed files the fuzzer mutates: one well-formed file of every format we read, made here or kept in
 * tests/fixtures (never the GPL peer fixtures), so mutations reach deep into each parser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeMigration } from '../../src/core/otpauth-uri';
import { exportAegisEncrypted, exportBackup, exportOtpauthList } from '../../src/core/formats';
import type { ParsedAccount } from '../../src/core/otpauth-uri';
import { encodeBase64 } from '../../src/core/bytes/base64';
import { sealCipherString, stretchKey } from '../../src/core/crypto/aes-cbc-hmac';
import { pbkdf2 } from '../../src/core/crypto';
import { utf8 } from '../../src/core/formats/file-text';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

export const ACCOUNTS: ParsedAccount[] = [
  {
    type: 'totp',
    issuer: 'Alpha',
    account: 'a@example.com',
    secret: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  },
  {
    type: 'hotp',
    issuer: 'Beta',
    account: 'b',
    secret: Uint8Array.from([9, 8, 7, 6, 5]),
    algorithm: 'SHA256',
    digits: 8,
    period: 30,
    counter: 4,
  },
  {
    type: 'steam',
    issuer: 'Steam',
    account: 'c',
    secret: Uint8Array.from([4, 4, 4, 4]),
    algorithm: 'SHA1',
    digits: 5,
    period: 30,
    counter: 0,
  },
];

export const PLAIN_JSON_SAMPLES: unknown[] = [
  {
    version: 1,
    header: { slots: null, params: null },
    db: {
      version: 3,
      entries: [
        {
          type: 'totp',
          uuid: '1c1f5b6e-8e4e-4d3a-9f0e-2b1b7d8f0a11',
          name: 'a',
          issuer: 'Alpha',
          note: '',
          icon: null,
          info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA1', digits: 6, period: 30 },
          groups: [],
        },
      ],
      groups: [],
    },
  },
  {
    services: [
      {
        name: 'Alpha',
        secret: 'JBSWY3DPEHPK3PXP',
        otp: { account: 'a', issuer: 'Alpha', digits: 6, period: 30, algorithm: 'SHA1', tokenType: 'TOTP', counter: 0 },
      },
    ],
    groups: [],
    schemaVersion: 4,
    appVersionCode: 5000000,
  },
  [
    {
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: 'Alpha',
      label: 'a',
      digits: 6,
      type: 'TOTP',
      algorithm: 'SHA1',
      thumbnail: 'Default',
      period: 30,
      tags: [],
    },
  ],
  {
    version: 1,
    entries: [
      {
        id: 'x',
        content: { uri: 'otpauth://totp/Alpha:a?secret=JBSWY3DPEHPK3PXP&issuer=Alpha', entry_type: 'Totp', name: 'a' },
        note: null,
      },
    ],
  },
  {
    h1: {
      encrypted: false,
      hash: 'h1',
      index: 0,
      type: 'totp',
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: 'Alpha',
      account: 'a',
    },
    h2: { encrypted: false, hash: 'h2', index: 1, type: 'battle', secret: 'blz-JBSWY3DPEHPK3PXP' },
  },
];

/**
 * A Bitwarden password-protected export at Bitwarden's import floor (5000 PBKDF2 iterations, password
 * "pw"), so mutations past the KDF stay fast; the 600000-iteration sample is what the limits refuse.
 */
async function cheapBitwarden(): Promise<string> {
  const subtle = globalThis.crypto.subtle;
  const salt = 'c2FsdHNhbHRzYWx0c2FsdA==';
  const key = stretchKey(await pbkdf2(subtle, utf8('pw'), utf8(salt), 5000, 'SHA-256'));
  const seal = async (text: string, iv: number) => {
    const cs = await sealCipherString(subtle, key, new Uint8Array(16).fill(iv), utf8(text));
    return `2.${encodeBase64(cs.iv)}|${encodeBase64(cs.data)}|${encodeBase64(cs.mac)}`;
  };
  const inner = JSON.stringify({
    encrypted: false,
    folders: [],
    items: [
      {
        type: 1,
        name: 'Alpha',
        login: { username: 'a', totp: 'JBSWY3DPEHPK3PXP', uris: [{ uri: 'https://a.example' }] },
      },
    ],
  });
  return JSON.stringify({
    encrypted: true,
    passwordProtected: true,
    salt,
    kdfType: 0,
    kdfIterations: 5000,
    kdfMemory: null,
    kdfParallelism: null,
    encKeyValidation_DO_NOT_EDIT: await seal('check', 1),
    data: await seal(inner, 2),
  });
}

/** Files of every format as text: JSON samples, our exports, the peer samples in tests/fixtures. */
export async function textSamples(): Promise<string[]> {
  const fast = { iterations: 2 };
  return [
    ...PLAIN_JSON_SAMPLES.map((s) => JSON.stringify(s)),
    exportOtpauthList(ACCOUNTS),
    encodeMigration({
      accounts: ACCOUNTS.slice(0, 2),
      version: 1,
      batchSize: 1,
      batchIndex: 0,
      batchId: 7,
    } as Parameters<typeof encodeMigration>[0]),
    await exportBackup(ACCOUNTS, 'pw', fast),
    await exportAegisEncrypted(ACCOUNTS, 'pw', { scrypt: { N: 16, r: 1, p: 1 } }),
    'name,login_uri,login_username,login_totp\nAlpha,https://a.example,a,JBSWY3DPEHPK3PXP\n',
    await cheapBitwarden(),
    fixture('imports/bitwarden-encrypted-argon2id.json'),
    fixture('imports/bitwarden-account-restricted.json'),
    fixture('imports/ente-auth-encrypted.txt'),
    fixture('imports/authenticator-ext-v3.json'),
  ];
}
