/**
 * The import preview names every entry as the vault will store it (core/vault/names.ts cleanName): a
 * hostile file's issuer "\u202EelgooG" showed as "Google" in the preview, where the user decides, and
 * was stored (and shown everywhere else) as "elgooG"; a name with a newline broke the preview's lines.
 */
import { describe, expect, it } from 'vitest';
import { planImport } from '../../../src/background/handlers/import-export/plan';
import { importFile } from '../../../src/core/formats';
import { addAccount, emptyVault } from '../../../src/core/vault';
import { decodeBase32 } from '../../../src/core/bytes/base32';

const entry = (issuer: string, name: string, secret: string) => ({ type: 'totp', issuer, name, info: { secret } });
const aegis = (entries: unknown[]) =>
  JSON.stringify({ version: 1, header: { slots: null, params: null }, db: { version: 2, entries } });

describe('import preview names', () => {
  it('are the names the vault stores: no bidi overrides or invisible characters, one line', async () => {
    const vault = addAccount(
      emptyVault(),
      {
        type: 'totp',
        issuer: 'Bank',
        account: 'me',
        secret: decodeBase32('GEZDGNBVGY3TQOJQ'),
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
      },
      { now: 0 },
    ).vault;
    const result = await importFile(
      aegis([
        entry('\u202EelgooG', 'me\u200B', 'JBSWY3DPEHPK3PXP'),
        entry('Two\nlines', ' padded ', 'KRSXG5CTMVRXEZLU'),
        entry('\u2066Bank\u2069', 'me', 'GEZDGNBVGY3TQOJQ'),
        entry('Again\u202E', 'x', 'KRSXG5CTMVRXEZLU'),
        entry('\u202EBad', 'y', 'not*base32'),
      ]),
    );
    const { preview } = planImport(result, vault);
    expect(preview.add.map((a) => [a.issuer, a.account])).toEqual([
      ['elgooG', 'me'],
      ['Two lines', 'padded'],
    ]);
    expect(preview.duplicates.map((d) => d.name)).toEqual(['Bank: me', 'Again: x']);
    expect(preview.skipped.map((s) => s.name)).toEqual(['Bad: y']);
  });
});
