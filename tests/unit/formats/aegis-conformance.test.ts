/**
 * Our Aegis export read by Aegis's own rules, not by our importer: the layout of
 * beemdevelopment/Aegis docs/vault.md (top level, header, password slot, content, entries: UUID v4,
 * base32 without padding, algo/digits/period|counter by type) and the decryption of docs/decrypt.py
 * (scrypt(password, salt, n, r, p, 32) → AES-256-GCM unwraps key‖tag with key_params.nonce → the
 * master key AES-256-GCM decrypts base64 db ‖ header.params.tag), done here with node:crypto.
 * The same decrypter opens Aegis's own encrypted sample (GPL peer fixture, read in place when
 * present), which shows it follows real Aegis files; our file must carry every field that one does.
 */
import { createDecipheriv, scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../../src/core/bytes/base32';
import { exportAegisEncrypted } from '../../../src/core/formats';
import type { ParsedAccount } from '../../../src/core/otpauth-uri';
import { AEGIS_DIR, peerFixturesPresent } from '../../peer-fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON, read field by field as Aegis does
type Json = Record<string, any>;
const HEX = (bytes: number) => new RegExp(`^[0-9a-f]{${bytes * 2}}$`);
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function gcmOpen(key: Buffer, nonce: Buffer, data: Buffer, tag: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

/** docs/decrypt.py, step by step. */
function decryptLikeAegis(file: Json, password: string): Json {
  const slots = (file['header']['slots'] as Json[]).filter((slot) => slot['type'] === 1);
  let masterKey: Buffer | undefined;
  for (const slot of slots) {
    const key = scryptSync(password, Buffer.from(slot['salt'], 'hex'), 32, {
      N: slot['n'],
      r: slot['r'],
      p: slot['p'],
      maxmem: 2 ** 26,
    });
    try {
      masterKey = gcmOpen(
        key,
        Buffer.from(slot['key_params']['nonce'], 'hex'),
        Buffer.from(slot['key'], 'hex'),
        Buffer.from(slot['key_params']['tag'], 'hex'),
      );
      break;
    } catch {
      // decrypt.py tries the next slot; none left means a wrong password.
    }
  }
  if (!masterKey) throw new Error('unable to decrypt the master key with the given password');
  const params = file['header']['params'];
  const db = gcmOpen(
    masterKey,
    Buffer.from(params['nonce'], 'hex'),
    Buffer.from(file['db'], 'base64'),
    Buffer.from(params['tag'], 'hex'),
  );
  return JSON.parse(db.toString('utf8')) as Json;
}

const ACCOUNTS: ParsedAccount[] = [
  {
    type: 'totp',
    issuer: 'Deno',
    account: 'Mason',
    secret: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
    algorithm: 'SHA256',
    digits: 7,
    period: 20,
    counter: 0,
  },
  {
    type: 'hotp',
    issuer: 'Issuu',
    account: 'James',
    secret: Uint8Array.from([200, 100, 50, 25, 12, 6]),
    algorithm: 'SHA512',
    digits: 8,
    period: 30,
    counter: 10300,
  },
  {
    type: 'steam',
    issuer: 'Steam',
    account: 'Sophia',
    secret: Uint8Array.from([9, 9, 9, 9, 9, 9, 9, 9, 9, 9]),
    algorithm: 'SHA1',
    digits: 5,
    period: 30,
    counter: 0,
  },
];

describe('our Aegis export by Aegis rules (docs/vault.md, docs/decrypt.py)', async () => {
  // Aegis's own scrypt cost: the file is exactly what a user's export is.
  const file = JSON.parse(await exportAegisEncrypted(ACCOUNTS, 'pässword')) as Json;

  it('has the vault.md layout: version 1, a password slot with scrypt n/r/p and a 256-bit salt, hex nonces and tags, base64 db', () => {
    expect(Object.keys(file).sort()).toEqual(['db', 'header', 'version']);
    expect(file['version']).toBe(1);
    const [slot] = file['header']['slots'] as Json[];
    expect(slot).toMatchObject({ type: 1, n: 32768, r: 8, p: 1 });
    expect(slot!['uuid']).toMatch(UUID4);
    expect(slot!['key']).toMatch(HEX(32));
    expect(slot!['salt']).toMatch(HEX(32));
    expect(slot!['key_params']['nonce']).toMatch(HEX(12));
    expect(slot!['key_params']['tag']).toMatch(HEX(16));
    expect(file['header']['params']['nonce']).toMatch(HEX(12));
    expect(file['header']['params']['tag']).toMatch(HEX(16));
    expect(Buffer.from(file['db'], 'base64').toString('base64')).toBe(file['db']);
  });

  it('decrypts the decrypt.py way (UTF-8 password) into vault.md content with every account', () => {
    const db = decryptLikeAegis(file, 'pässword');
    expect(db['version']).toBeGreaterThanOrEqual(1);
    expect(db['entries']).toHaveLength(ACCOUNTS.length);
    for (const [i, entry] of (db['entries'] as Json[]).entries()) {
      const account = ACCOUNTS[i]!;
      expect(entry['uuid']).toMatch(UUID4);
      expect(entry).toMatchObject({ type: account.type, name: account.account, issuer: account.issuer, icon: null });
      expect(entry['info']['secret']).toBe(encodeBase32(account.secret).replace(/=+$/, ''));
      expect(entry['info']['secret']).toMatch(/^[A-Z2-7]+$/);
      expect(entry['info']).toMatchObject({ algo: account.algorithm, digits: account.digits });
      if (account.type === 'hotp') expect(entry['info']['counter']).toBe(account.counter);
      else expect(entry['info']['period']).toBe(account.period);
    }
    expect(() => decryptLikeAegis(file, 'password')).toThrow(/unable to decrypt/);
  });

  it.skipIf(!peerFixturesPresent)(
    'the same decrypter opens Aegis’s own sample, and our file has every field Aegis writes',
    () => {
      const aegis = JSON.parse(readFileSync(join(AEGIS_DIR, 'aegis_encrypted.json'), 'utf8')) as Json;
      const db = decryptLikeAegis(aegis, 'test');
      expect(db['entries'].length).toBeGreaterThan(0);
      const ours = decryptLikeAegis(file, 'pässword');
      const keys = (o: Json) => Object.keys(o).sort();
      const theirSlot = aegis['header']['slots'][0] as Json;
      expect(keys(file['header']['slots'][0])).toEqual(expect.arrayContaining(keys(theirSlot)));
      const theirEntry = (db['entries'] as Json[]).find((e) => e['type'] === 'totp')!;
      const ourEntry = (ours['entries'] as Json[]).find((e) => e['type'] === 'totp')!;
      expect(keys(ourEntry)).toEqual(
        expect.arrayContaining(keys(theirEntry).filter((k) => k !== 'icon_mime' && k !== 'icon_hash')),
      );
      expect(keys(ourEntry['info'])).toEqual(keys(theirEntry['info']));
    },
  );
});
