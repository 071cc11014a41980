/**
 * Every importer fixture of Aegis's test suite (shared/peer-fixtures/aegis, GPL test data read
 * in place) imports to exactly the entries expected.json lists for it, all fields compared.
 */
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../../src/core/bytes/base32';
import { detectFormat, importFile, type FormatId } from '../../../src/core/formats';
import { asExpected, bySecret, expected, peerBytes, withoutId } from './helpers';
import { peerFixturesPresent } from '../../peer-fixtures';

const EXPECTED = peerFixturesPresent ? expected() : { vectors: [], passwords: {}, files: {} };

const FORMATS: Record<string, FormatId> = {
  'aegis_plain.json': 'aegis',
  'aegis_encrypted.json': 'aegis-encrypted',
  'aegis_plain_grouped_v2.json': 'aegis',
  'plain.txt': 'otpauth-list',
  'ente_auth.txt': 'ente-auth',
  'andotp_plain.json': 'andotp',
  'andotp_encrypted.bin': 'andotp-encrypted',
  'andotp_encrypted_old.bin': 'andotp-encrypted',
  'bitwarden.json': 'bitwarden-json',
  'bitwarden.csv': 'bitwarden-csv',
  '2fas_authenticator.json': 'twofas',
  '2fas_authenticator_plain.2fas': 'twofas',
  '2fas_authenticator_encrypted.2fas': 'twofas-encrypted',
  '2fas_authenticator_plain_v3.2fas': 'twofas',
  '2fas_authenticator_encrypted_v3.2fas': 'twofas-encrypted',
  '2fas_authenticator_plain_v4.2fas': 'twofas',
  '2fas_authenticator_encrypted_v4.2fas': 'twofas-encrypted',
  'proton_authenticator.json': 'proton-authenticator',
};

const importable = Object.keys(EXPECTED.files).filter((name) => !name.endsWith('.gz'));

describe.skipIf(!peerFixturesPresent)('peer fixtures (Aegis test resources)', () => {
  it('covers every importer fixture listed in expected.json', () => {
    expect(importable.sort()).toEqual(Object.keys(FORMATS).sort());
  });

  it.each(importable)('%s is detected by content', (name) => {
    expect(detectFormat(peerBytes(name))).toBe(FORMATS[name]);
  });

  it.each(importable)('%s imports to exactly the expected entries', async (name) => {
    const file = EXPECTED.files[name];
    const result = await importFile(peerBytes(name), { password: EXPECTED.passwords[name] ?? 'unused' });
    expect(result.format).toBe(FORMATS[name]);
    expect(result.skipped).toEqual([]);
    const steamField = file?.steamEntry?.totpField;
    const entries = file?.entries ?? EXPECTED.vectors.filter((v) => v.id !== 'battlenet');
    const imported = result.accounts.map(asExpected);
    if (steamField !== undefined) {
      // Only the secret and type of Bitwarden's steam:// item are asserted upstream.
      const steamSecret = steamField.replace('steam://', '');
      const steam = imported.filter((a) => a.secret === steamSecret);
      expect(steam).toEqual([
        expect.objectContaining({ type: 'steam', secret: steamSecret, digits: 5, algorithm: 'SHA1', period: 30 }),
      ]);
      expect(bySecret(imported.filter((a) => a.secret !== steamSecret))).toEqual(bySecret(entries.map(withoutId)));
    } else {
      expect(bySecret(imported)).toEqual(bySecret(entries.map(withoutId)));
    }
  });

  it.each(Object.keys(EXPECTED.passwords))('%s asks for a password, then rejects a wrong one', async (name) => {
    await expect(importFile(peerBytes(name))).rejects.toMatchObject({ code: 'import/needs-password' });
    // An andOTP backup has no magic: its failure also says the file may not be one.
    await expect(importFile(peerBytes(name), { password: 'not-the-password' })).rejects.toMatchObject({
      code: name.startsWith('andotp') ? 'import/andotp-wrong-password' : 'import/wrong-password',
    });
  });

  it('keeps secrets byte-exact (andOTP pads them with "======")', async () => {
    const result = await importFile(peerBytes('andotp_plain.json'));
    expect(result.accounts.map((a) => encodeBase32(a.secret))).toContain('4SJHB4GSD43FZBAI7C2HLRJGPQ');
  });
});
