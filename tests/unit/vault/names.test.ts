/**
 * Names with no UTF-8 form (a lone UTF-16 surrogate, possible in a JSON import or a paste) are stored
 * well-formed, so one such name can no longer block the whole vault's otpauth export or its QR.
 */
import { describe, expect, it } from 'vitest';
import { addAccount, deserializeVault, emptyVault, serializeVault, updateAccount } from '../../../src/core/vault';
import { cleanName, MAX_NAME, wellFormed } from '../../../src/core/vault/names';
import { decodeBase32 } from '../../../src/core/bytes/base32';
import { exportOtpauthList, importFile } from '../../../src/core/formats';

const NOW = 1_700_000_000_000;

describe('account names are well-formed text', () => {
  it('wellFormed: lone surrogates become U+FFFD; pairs, emoji and plain text stay as they are', () => {
    expect(wellFormed('alice\uD800')).toBe('alice\uFFFD');
    expect(wellFormed('\uDC00bob')).toBe('\uFFFDbob');
    expect(wellFormed('\uDC00\uD800')).toBe('\uFFFD\uFFFD');
    expect(wellFormed('zoë 😀 \uD83D\uDE00')).toBe('zoë 😀 😀');
    expect(wellFormed('')).toBe('');
  });

  it('an import with a lone surrogate in a name: added well-formed, and the whole vault exports', async () => {
    const aegis = JSON.stringify({
      version: 1,
      header: { slots: null, params: null },
      db: {
        version: 2,
        entries: [
          {
            type: 'totp',
            uuid: '1',
            name: 'alice\uD800',
            issuer: 'Bad\uDC00',
            info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA1', digits: 6, period: 30 },
          },
          {
            type: 'totp',
            uuid: '2',
            name: 'bob',
            issuer: 'Good',
            info: { secret: 'KRSXG5CTMVRXEZLU', algo: 'SHA1', digits: 6, period: 30 },
          },
        ],
      },
    });
    const { accounts } = await importFile(aegis);
    expect(accounts).toHaveLength(2);
    // Control: the names as the file gave them cannot be exported.
    expect(() => exportOtpauthList(accounts)).toThrow();
    let vault = emptyVault();
    for (const input of accounts) vault = addAccount(vault, input, { now: NOW }).vault;
    expect(vault.accounts.map((a) => [a.issuer, a.account])).toEqual([
      ['Bad\uFFFD', 'alice\uFFFD'],
      ['Good', 'bob'],
    ]);
    expect(exportOtpauthList(vault.accounts).split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('a rename, and a vault stored with such a name before, are well-formed too', () => {
    const input = {
      type: 'totp',
      issuer: 'Mail',
      account: 'zoe',
      secret: new Uint8Array(20).fill(7),
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    } as const;
    const { vault, account } = addAccount(emptyVault(), input, { now: NOW });
    expect(updateAccount(vault, account.id, { issuer: 'M\uD800' }, { now: NOW }).accounts[0]!.issuer).toBe('M\uFFFD');
    const old = { ...vault, accounts: [{ ...account, account: 'zoe\uDBFF' }] };
    expect(deserializeVault(serializeVault(old)).accounts[0]!.account).toBe('zoe\uFFFD');
  });
});

describe('names a hostile QR or file spells: stored without what hides or reorders text', () => {
  const secret = decodeBase32('JBSWY3DPEHPK3PXP');
  const add = (issuer: string, account: string) =>
    addAccount(
      emptyVault(),
      { type: 'totp', issuer, account, secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
      { now: 1 },
    ).account;

  it('a bidi override that shows "elgooG" as "Google", zero-width spaces and a newline', () => {
    const stored = add('\u202EelgooG\u202C', 'me\n\u200B@gmail.com\uFEFF');
    expect(stored.issuer).toBe('elgooG');
    expect(stored.account).toBe('me @gmail.com');
  });

  it('isolates, word joiners and C1 controls go too; joiners and marks that scripts and emoji need stay', () => {
    expect(cleanName('\u2067Bank\u2069\u2060 \u0085x')).toBe('Bank  x');
    expect(cleanName('👩\u200D💻 Work')).toBe('👩\u200D💻 Work');
    expect(cleanName('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(cleanName('\u200FBank')).toBe('\u200FBank');
  });

  it(`at most ${MAX_NAME} code points (a QR holds ~3 KB of name), cut between code points`, () => {
    expect([...cleanName('😀'.repeat(400))]).toHaveLength(MAX_NAME);
    expect(cleanName('a'.repeat(300))).toBe('a'.repeat(MAX_NAME));
    // Control: a real name is kept as it is.
    expect(cleanName('Mail Machine (work)')).toBe('Mail Machine (work)');
  });

  it('an edit and a stored vault are cleaned the same way', () => {
    const vault = addAccount(
      emptyVault(),
      { type: 'totp', issuer: 'A', account: 'b', secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
      { now: 1 },
    );
    const id = vault.account.id;
    const edited = updateAccount(vault.vault, id, { issuer: '\u202Ekab' }, { now: 2 });
    expect(edited.accounts[0]!.issuer).toBe('kab');
    const json = JSON.parse(new TextDecoder().decode(serializeVault(vault.vault))) as {
      accounts: { issuer: string }[];
    };
    json.accounts[0]!.issuer = 'x\u202Ey';
    expect(deserializeVault(new TextEncoder().encode(JSON.stringify(json))).accounts[0]!.issuer).toBe('xy');
  });
});
