import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deserializeVault, emptyVault, serializeVault } from '../../../src/core/vault';
import { UnsupportedVersion, VaultCorrupted } from '../../../src/core/errors';
import { accountArb, vaultArb } from './arbitraries';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const asJson = (bytes: Uint8Array): Record<string, unknown> => JSON.parse(new TextDecoder().decode(bytes));

describe('serializeVault / deserializeVault', () => {
  it('round-trips any vault (property)', () => {
    fc.assert(
      fc.property(vaultArb, (vault) => {
        expect(deserializeVault(serializeVault(vault))).toEqual(vault);
      }),
      { numRuns: 300 },
    );
  });

  it('stores secrets as unpadded base32 (RFC 4648 §6)', () => {
    const [account] = fc.sample(accountArb, { numRuns: 1, seed: 1 });
    const bytes = serializeVault({ ...emptyVault(), accounts: [{ ...account!, secret: utf8('Hello!') }] });
    const { accounts } = asJson(bytes) as { accounts: { secret: unknown }[] };
    expect(accounts[0]?.secret).toBe('JBSWY3DPEE');
  });

  it('an empty vault is {"version":4,"accounts":[],"trash":[]}', () => {
    expect(new TextDecoder().decode(serializeVault(emptyVault()))).toBe('{"version":4,"accounts":[],"trash":[]}');
  });
});

const [sample] = fc.sample(accountArb, { numRuns: 1, seed: 42 });
const good = asJson(serializeVault({ ...emptyVault(), accounts: [sample!] }));
const goodAccount = (good.accounts as Record<string, unknown>[])[0]!;
const withAccount = (patch: Record<string, unknown>) =>
  utf8(JSON.stringify({ ...good, accounts: [{ ...goodAccount, ...patch }] }));

describe('deserializeVault rejects what it cannot trust', () => {
  it.each([
    ['not UTF-8', Uint8Array.of(0xff, 0xfe)],
    ['not JSON', utf8('{"version":1,')],
    ['JSON but not an object', utf8('[1]')],
    ['no version', utf8('{"accounts":[],"trash":[]}')],
    ['fractional version', utf8('{"version":1.5,"accounts":[],"trash":[]}')],
    ['missing trash', utf8('{"version":1,"accounts":[]}')],
    ['bad type', withAccount({ type: 'motp' })],
    ['bad algorithm', withAccount({ algorithm: 'MD5' })],
    ['bad base32 secret', withAccount({ secret: 'not base32!' })],
    ['empty secret', withAccount({ secret: '' })],
    ['digits not an integer', withAccount({ digits: 6.5 })],
    ['negative counter', withAccount({ counter: -1 })],
    ['zero period', withAccount({ period: 0 })],
    ['site not a string', withAccount({ sites: [1] })],
    ['backup code without used', withAccount({ backupCodes: [{ code: '1' }] })],
    ['pinned not boolean', withAccount({ pinned: 'yes' })],
    ['fill options missing (a v1 account in a v3 document)', withAccount({ fill: undefined })],
    ['fill.submitOn not a list', withAccount({ fill: { submitOn: true, appendOn: [], exactOrigin: false } })],
    ['fill.appendOn holds a non-string', withAccount({ fill: { submitOn: [], appendOn: [1], exactOrigin: false } })],
    ['fill.exactOrigin missing (a v2 account in a v4 document)', withAccount({ fill: { submitOn: [], appendOn: [] } })],
    [
      'v3 booleans in a v4 document',
      withAccount({ fill: { submit: false, appendToPassword: false, exactOrigin: false } }),
    ],
    ['createdAt null (a NaN written as JSON)', withAccount({ createdAt: null })],
    ['empty id', withAccount({ id: '' })],
    ['addedOn not a string', withAccount({ addedOn: 1 })],
    ['duplicate ids', utf8(JSON.stringify({ ...good, accounts: [goodAccount, goodAccount] }))],
  ])('%s → VaultCorrupted', (_name, bytes) => {
    expect(() => deserializeVault(bytes)).toThrow(VaultCorrupted);
  });

  it('reads an account without addedOn (typed, imported, or written before it existed) as one without it', () => {
    const { addedOn: _dropped, ...older } = { ...goodAccount, addedOn: 'https://github.com' };
    const vault = deserializeVault(utf8(JSON.stringify({ ...good, accounts: [older] })));
    expect('addedOn' in vault.accounts[0]!).toBe(false);
    const kept = deserializeVault(withAccount({ addedOn: 'https://github.com' }));
    expect(kept.accounts[0]!.addedOn).toBe('https://github.com');
  });

  it('error messages name the field, never its value', () => {
    try {
      deserializeVault(withAccount({ secret: 'SECRET!!' }));
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toContain('accounts[0].secret');
      expect(String(error)).not.toContain('SECRET!!');
    }
  });

  it.each([5, 99])('schema version %i (newer) → UnsupportedVersion', (version) => {
    expect(() => deserializeVault(utf8(JSON.stringify({ ...good, version })))).toThrow(UnsupportedVersion);
  });
});
