/** Every class of bad input yields a typed error or a `skipped` entry, never a crash or a null. */
import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  exportAegisEncrypted,
  exportBackup,
  importFile,
  MAX_IMPORT_BYTES,
} from '../../../src/core/formats';
import type { ParsedAccount } from '../../../src/core/otpauth-uri';
import { flipByte, peerBytes, peerText } from './helpers';
import { peerFixturesPresent } from '../../peer-fixtures';

/** Tests over the GPL peer fixtures run only when ../shared/peer-fixtures is there. */
const itPeer = it.skipIf(!peerFixturesPresent);

const account: ParsedAccount = {
  type: 'totp',
  issuer: 'Example',
  account: 'me',
  secret: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};
const backup = (): Promise<string> => exportBackup([account], 'pw', { iterations: 2 });
const aegis = (): Promise<string> => exportAegisEncrypted([account], 'pw', { scrypt: { N: 16, r: 1, p: 1 } });

/** Replaces one character of a base64 field with another valid base64 character. */
function tamper(file: string, field: 'data' | 'db' | 'servicesEncrypted'): string {
  const json = JSON.parse(file) as Record<string, string>;
  const value = json[field] ?? '';
  json[field] = `${value[0] === 'A' ? 'B' : 'A'}${value.slice(1)}`;
  return JSON.stringify(json);
}

const peerCases: [string, () => Promise<string>][] = peerFixturesPresent
  ? [
      ['a 2FAS backup', async () => peerText('2fas_authenticator_encrypted_v4.2fas')],
      ['a plain Aegis vault', async () => peerText('aegis_plain.json')],
    ]
  : [];

describe('truncated files', () => {
  it.each<[string, () => Promise<string>]>([['our backup', backup], ['an Aegis vault', aegis], ...peerCases])(
    '%s cut in half is import/corrupt',
    async (_name, make) => {
      const text = await make();
      const half = text.slice(0, Math.floor(text.length / 2));
      expect(() => detectFormat(half)).toThrow(expect.objectContaining({ code: 'import/corrupt' }));
      await expect(importFile(half, { password: 'pw' })).rejects.toMatchObject({ code: 'import/corrupt' });
    },
  );

  itPeer('an andOTP backup too short for its layout is import/corrupt', async () => {
    const cut = peerBytes('andotp_encrypted.bin').subarray(0, 24);
    await expect(importFile(cut, { password: 'test' })).rejects.toMatchObject({ code: 'import/corrupt' });
  });

  itPeer('a truncated otpauth list imports the complete lines and skips the cut one', async () => {
    const text = peerText('plain.txt');
    const result = await importFile(text.slice(0, text.indexOf('\n', 200) + 40));
    expect(result.accounts.length).toBeGreaterThan(0);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]).toMatchObject({ name: '', line: expect.any(Number) as number });
  });
});

describe('text that is no format we know', () => {
  it('a note whose first line opens a quote it never closes: import/unrecognized, not a damaged file', async () => {
    await expect(importFile('"Remember to back up the codes\nsecond line')).rejects.toMatchObject({
      code: 'import/unrecognized',
    });
    // Control: plain text without a quote is unrecognized too.
    await expect(importFile('Remember to back up the codes')).rejects.toMatchObject({ code: 'import/unrecognized' });
  });
});

describe('corrupted files (one flipped byte)', () => {
  it('our backup: a changed ciphertext byte fails the checksum → import/corrupt, before any password work', async () => {
    const file = tamper(await backup(), 'data');
    await expect(importFile(file)).rejects.toMatchObject({ code: 'import/corrupt' });
    await expect(importFile(file, { password: 'pw' })).rejects.toMatchObject({ code: 'import/corrupt' });
  });

  it('our backup: a changed header (iterations) is import/corrupt, not a wrong password', async () => {
    const json = JSON.parse(await backup()) as { kdf: { iterations: number } };
    json.kdf.iterations += 1;
    await expect(importFile(JSON.stringify(json), { password: 'pw' })).rejects.toMatchObject({
      code: 'import/corrupt',
    });
  });

  it('our backup crafted to pass its (unkeyed) checksum with an IV of the wrong length or a payload shorter than its tag: import/corrupt, not a wrong password', async () => {
    const crafted = async (patch: { iv?: string; data?: string }) => {
      const json = JSON.parse(await backup()) as {
        kdf: { iterations: number; salt: string };
        cipher: { iv: string };
        data: string;
        checksum: string;
      };
      if (patch.iv !== undefined) json.cipher.iv = patch.iv;
      if (patch.data !== undefined) json.data = patch.data;
      const aad = JSON.stringify([
        'clickauth-backup',
        1,
        'PBKDF2-SHA256',
        json.kdf.iterations,
        json.kdf.salt,
        'AES-256-GCM',
        json.cipher.iv,
      ]);
      const bytes = new Uint8Array([...new TextEncoder().encode(aad), 0, ...new TextEncoder().encode(json.data)]);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      json.checksum = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
      return JSON.stringify(json);
    };
    // Control: the same crafting with nothing changed opens with the right password.
    expect((await importFile(await crafted({}), { password: 'pw' })).accounts).toHaveLength(1);
    for (const patch of [{ iv: 'AAAA' }, { data: 'AAAA' }])
      await expect(importFile(await crafted(patch), { password: 'pw' }), JSON.stringify(patch)).rejects.toMatchObject({
        code: 'import/corrupt',
      });
  });

  it('Aegis: a changed db byte after a good password is import/corrupt', async () => {
    await expect(importFile(tamper(await aegis(), 'db'), { password: 'pw' })).rejects.toMatchObject({
      code: 'import/corrupt',
    });
  });

  itPeer('2FAS: changed services with an intact reference is import/corrupt', async () => {
    const file = tamper(peerText('2fas_authenticator_encrypted_v4.2fas'), 'servicesEncrypted');
    await expect(importFile(file, { password: 'test' })).rejects.toMatchObject({ code: 'import/corrupt' });
  });

  itPeer('andOTP (no integrity check besides GCM): a flipped byte reads as a wrong password', async () => {
    await expect(
      importFile(flipByte(peerBytes('andotp_encrypted.bin'), -1), { password: 'test' }),
    ).rejects.toMatchObject({ code: 'import/andotp-wrong-password' });
  });

  itPeer('a flipped byte in a plain JSON export is import/corrupt or a skipped entry, never a crash', async () => {
    const bytes = peerBytes('aegis_plain.json');
    for (let i = 0; i < bytes.length; i += 7) {
      const outcome = await importFile(flipByte(bytes, i)).then(
        (result) => result.format,
        (error: unknown) => (error as { code?: string }).code,
      );
      expect(outcome).toMatch(/^(aegis|import\/(corrupt|unrecognized|unsupported-version))$/);
    }
  });
});

describe('wrong passwords', () => {
  it.each([
    ['our backup', backup],
    ['an Aegis vault', aegis],
  ])('%s: import/wrong-password', async (_name, make) => {
    await expect(importFile(await make(), { password: 'PW' })).rejects.toMatchObject({
      code: 'import/wrong-password',
      field: 'password',
    });
  });
});

describe('oversized input', () => {
  it('rejects more than 10 MB before parsing, as bytes or as text', async () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20);
    expect(() => detectFormat(big)).toThrow(expect.objectContaining({ code: 'import/too-large' }));
    await expect(importFile(big)).rejects.toMatchObject({ code: 'import/too-large' });
    await expect(importFile('é'.repeat(MAX_IMPORT_BYTES / 2 + 1))).rejects.toMatchObject({ code: 'import/too-large' });
  });

  it('accepts exactly 10 MB (a long otpauth list padded with blank lines)', async () => {
    const line = 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP\n';
    const text = line + ' '.repeat(MAX_IMPORT_BYTES - line.length);
    expect(detectFormat(text)).toBe('otpauth-list');
  });
});

describe('wrong formats', () => {
  it.each([
    ['empty', ''],
    ['prose', 'Dear diary, today I enabled two-factor authentication.'],
    ['unknown JSON', '{"hello":"world"}'],
    ['a JSON array of numbers', '[1,2,3]'],
    ['CSV without a TOTP column', 'name,url\nx,y\n'],
    ['a PNG', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(64).fill(0))],
    ['a short binary', Uint8Array.of(0, 1, 2, 3)],
  ])('%s is import/unrecognized', async (_name, input) => {
    expect(() => detectFormat(input)).toThrow(expect.objectContaining({ code: 'import/unrecognized' }));
    await expect(importFile(input)).rejects.toMatchObject({ code: 'import/unrecognized' });
  });

  /** 4 kB of noise after `head`: binary, and long enough to be taken for an encrypted andOTP backup. */
  const noise = (head: number[], at = 0): Uint8Array => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 167 + 13) & 0xff;
    bytes.set(head, at);
    return bytes;
  };
  const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
  const pe = (): Uint8Array => {
    const bytes = noise(ascii('MZ'));
    bytes.set([0x80, 0, 0, 0], 0x3c);
    bytes.set(ascii('PE\0\0'), 0x80);
    return bytes;
  };

  it.each([
    ['a KeePass .kdbx', noise([0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5])],
    ['a 7-Zip archive', noise([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])],
    ['an SQLite database', noise([...ascii('SQLite format 3'), 0])],
    ['an MP3 with ID3', noise([0x49, 0x44, 0x33, 0x03, 0x00])],
    ['an OGG file', noise(ascii('OggS'))],
    ['an MP4', noise([0, 0, 0, 0x20, ...ascii('ftypisom')])],
    ['an ELF binary', noise([0x7f, ...ascii('ELF')])],
    ['a Windows executable', pe()],
    ['a PDF', noise(ascii('%PDF-1.7'))],
    ['a ZIP', noise([0x50, 0x4b, 0x03, 0x04])],
  ])('%s is import/unrecognized, not a password prompt for andOTP', async (_name, input) => {
    expect(() => detectFormat(input)).toThrow(expect.objectContaining({ code: 'import/unrecognized' }));
    await expect(importFile(input)).rejects.toMatchObject({ code: 'import/unrecognized' });
  });

  it('other binary is tried as andOTP: a failure says "wrong password, or not an andOTP backup"', async () => {
    // 0xab… as an iteration count is implausible: only the old layout (one SHA-256) is tried.
    const input = noise([0xab, 0xcd, 0xef, 0x01]);
    await expect(importFile(input)).rejects.toMatchObject({ code: 'import/needs-password' });
    await expect(importFile(input, { password: 'pw' })).rejects.toMatchObject({
      code: 'import/andotp-wrong-password',
      field: 'password',
    });
  });

  it('a backup from a newer version is import/unsupported-version', async () => {
    const json = JSON.parse(await backup()) as { version: number };
    json.version = 2;
    await expect(importFile(JSON.stringify(json), { password: 'pw' })).rejects.toMatchObject({
      code: 'import/unsupported-version',
    });
  });
});

describe('unsupported entries are skipped with a code and reason', () => {
  itPeer('Aegis: MD5, yandex, 10 digits and a bad secret are skipped; the rest imports', async () => {
    const vault = JSON.parse(peerText('aegis_plain.json')) as {
      db: { entries: { type: string; info: Record<string, unknown> }[] };
    };
    const [first, second, third, fourth] = vault.db.entries;
    if (first === undefined || second === undefined || third === undefined || fourth === undefined)
      throw new Error('fixture changed');
    first.info['algo'] = 'MD5';
    second.type = 'yandex';
    third.info['digits'] = 10;
    fourth.info['secret'] = 'not base32!';
    const result = await importFile(JSON.stringify(vault));
    expect(result.accounts).toHaveLength(3);
    expect(result.skipped).toEqual([
      { name: 'Deno: Mason', code: 'import/unsupported-entry', reason: expect.any(String) as string },
      { name: 'SPDX: James', code: 'import/unsupported-entry', reason: expect.any(String) as string },
      { name: 'Airbnb: Elijah', code: 'uri/bad-digits', reason: expect.any(String) as string },
      { name: 'Issuu: James', code: 'uri/bad-secret', reason: expect.any(String) as string },
    ]);
  });

  it('otpauth list: a bad line is skipped by line number, never echoing the secret', async () => {
    const text =
      '# my codes\n\notpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&algorithm=MD5\notpauth://totp/C:d?secret=JBSWY3DPEHPK3PXQ\nnot a uri SECRETXYZ\n';
    const result = await importFile(text);
    expect(result.accounts.map((a) => a.issuer)).toEqual(['C']);
    expect(result.skipped).toEqual([
      { name: '', line: 3, code: 'import/unsupported-entry', reason: expect.any(String) as string },
      { name: '', line: 5, code: 'uri/not-otpauth', reason: expect.any(String) as string },
    ]);
    expect(JSON.stringify(result.skipped)).not.toContain('SECRETXYZ');
  });
});

describe('duplicates within a file', () => {
  it('keeps the first, lists later ones as vault/duplicate naming the kept entry', async () => {
    const text = [
      'otpauth://totp/A:first?secret=JBSWY3DPEHPK3PXP',
      'otpauth://totp/B:other?secret=JBSWY3DPEHPK3PXQ',
      'otpauth://totp/A:again?secret=jbsw y3dp ehpk 3pxp',
      'otpauth://hotp/A:hotp?secret=JBSWY3DPEHPK3PXP&counter=1',
    ].join('\n');
    const result = await importFile(text);
    expect(result.accounts.map((a) => a.account)).toEqual(['first', 'other', 'hotp']);
    expect(result.skipped).toEqual([
      { name: 'A: again', code: 'vault/duplicate', reason: 'Same type and secret as imported entry #1' },
    ]);
  });
});

describe('hostile parameters', () => {
  it('Aegis: a slot asking scrypt for gigabytes is import/too-costly, not an allocation', async () => {
    const vault = JSON.parse(await aegis()) as { header: { slots: { n: number; r: number }[] } };
    const slot = vault.header.slots[0];
    if (slot === undefined) throw new Error('no slot');
    [slot.n, slot.r] = [2 ** 20, 32];
    await expect(importFile(JSON.stringify(vault), { password: 'pw' })).rejects.toMatchObject({
      code: 'import/too-costly',
    });
  });

  it('our backup: an absurd iteration count is import/corrupt', async () => {
    const json = JSON.parse(await backup()) as { kdf: { iterations: number } };
    json.kdf.iterations = 2 ** 31;
    await expect(importFile(JSON.stringify(json), { password: 'pw' })).rejects.toMatchObject({
      code: 'import/corrupt',
    });
  });
});
