/**
 * Text exports saved as UTF-16 with a byte-order mark (Windows PowerShell 5's `>` and `Out-File`,
 * Notepad's "Unicode"): they are text, not binary. They were taken for an encrypted andOTP backup
 * (anything binary is), so the user was asked for a password and then told it was wrong.
 */
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/core/formats';
import { isCoreError } from '../../../src/core/errors';

const LIST =
  'otpauth://totp/Alpha:me?secret=JBSWY3DPEHPK3PXP&issuer=Alpha\r\notpauth://totp/Beta:me?secret=KRSXG5CTMVRXEZLU\r\n';
const AEGIS = JSON.stringify({
  version: 1,
  header: { slots: null, params: null },
  db: { version: 2, entries: [{ type: 'totp', name: 'me', issuer: 'Ünïcode', info: { secret: 'JBSWY3DPEHPK3PXP' } }] },
});

/** `text` as UTF-16 code units, little- or big-endian, after a byte-order mark unless `bom` is false. */
function utf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < units.length; i++) view.setUint16(2 * i, units.charCodeAt(i), endian === 'le');
  return bytes;
}

const outcome = (input: Uint8Array) =>
  importFile(input).then(
    (r) => ({ format: r.format, names: r.accounts.map((a) => a.issuer), skipped: r.skipped.length }),
    (error: unknown) => (isCoreError(error) ? error.code : `untyped ${String(error)}`),
  );

describe('UTF-16 text files', () => {
  it.each(['le', 'be'] as const)(
    'an otpauth list in UTF-16%s with a BOM imports like the UTF-8 one',
    async (endian) => {
      expect(await outcome(utf16(LIST, endian))).toEqual({
        format: 'otpauth-list',
        names: ['Alpha', 'Beta'],
        skipped: 0,
      });
    },
  );

  it.each(['le', 'be'] as const)(
    'an Aegis plain JSON in UTF-16%s with a BOM keeps its non-ASCII names',
    async (endian) => {
      expect(await outcome(utf16(AEGIS, endian))).toEqual({ format: 'aegis', names: ['Ünïcode'], skipped: 0 });
    },
  );

  it('control: the same text as UTF-8 (with and without its BOM)', async () => {
    const utf8 = new TextEncoder().encode(LIST);
    expect(await outcome(utf8)).toEqual({ format: 'otpauth-list', names: ['Alpha', 'Beta'], skipped: 0 });
    expect(await outcome(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8))).toEqual({
      format: 'otpauth-list',
      names: ['Alpha', 'Beta'],
      skipped: 0,
    });
  });

  it('without a BOM, or cut in the middle of a code unit, UTF-16 stays binary (tried as andOTP)', async () => {
    expect(await outcome(utf16(LIST, 'le', false))).toBe('import/needs-password');
    expect(await outcome(utf16(LIST, 'le').subarray(0, 41))).toBe('import/needs-password');
  });
});
