/**
 * Names with no UTF-8 form (a lone UTF-16 surrogate, possible in a JSON import or a paste) are stored
 * well-formed, so one such name can no longer block the whole vault's otpauth export or its QR.
 */
import { describe, expect, it } from 'vitest';
import { addAccount, deserializeVault, emptyVault, serializeVault, updateAccount } from '../../../src/core/vault';
import { wellFormed } from '../../../src/core/vault/names';
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
