/**
 * A vault holds at most MAX_VAULT_ACCOUNTS (10,000, one import's bound) active accounts: addAccount
 * and the import's batchEdit refuse one more with `vault/full`, whoever asks (a page's confirmed QR, the
 * popup, an import). Accounts in the trash do not count; deleting one makes room again.
 */
import { describe, expect, it } from 'vitest';
import { isCoreError, MAX_VAULT_ACCOUNTS } from '../../../src/core/errors';
import { MAX_IMPORT_ACCOUNTS } from '../../../src/core/formats/import-errors';
import { addAccount, batchEdit, deleteAccount, emptyVault, type VaultData } from '../../../src/core/vault';
import { newAccount, sequentialIds } from './arbitraries';

const secret = (n: number) => Uint8Array.from([n >> 16, (n >> 8) & 255, n & 255, 7, 7]);

function fullVault(): VaultData {
  const batch = batchEdit(emptyVault(), { now: 1, newId: sequentialIds('full') });
  for (let n = 0; n < MAX_VAULT_ACCOUNTS; n++) batch.add(newAccount({ secret: secret(n), account: `${n}` }));
  return batch.done();
}

describe('vault-wide account cap', () => {
  const full = fullVault();

  it('is the import bound (10,000)', () => {
    expect(MAX_VAULT_ACCOUNTS).toBe(10_000);
    expect(MAX_IMPORT_ACCOUNTS).toBe(MAX_VAULT_ACCOUNTS);
    expect(full.accounts).toHaveLength(MAX_VAULT_ACCOUNTS);
  });

  it('addAccount refuses one more with vault/full', () => {
    const attempt = () => addAccount(full, newAccount({ secret: secret(MAX_VAULT_ACCOUNTS) }), { now: 2 });
    expect(attempt).toThrow();
    try {
      attempt();
    } catch (error) {
      expect(isCoreError(error, 'vault/full')).toBe(true);
    }
  });

  it('batchEdit refuses one more with vault/full and changes nothing', () => {
    const batch = batchEdit(full, { now: 2 });
    expect(() => batch.add(newAccount({ secret: secret(MAX_VAULT_ACCOUNTS) }))).toThrow(
      expect.objectContaining({ code: 'vault/full' }),
    );
    expect(batch.done().accounts).toHaveLength(MAX_VAULT_ACCOUNTS);
  });

  it('a duplicate is still a duplicate in a full vault; a deleted account makes room (trash does not count)', () => {
    expect(() => addAccount(full, newAccount({ secret: secret(5) }), { now: 2 })).toThrow(
      expect.objectContaining({ code: 'vault/duplicate' }),
    );
    const room = deleteAccount(full, full.accounts[0]!.id, { now: 2 });
    const { vault } = addAccount(room, newAccount({ secret: secret(MAX_VAULT_ACCOUNTS) }), { now: 3 });
    expect(vault.accounts).toHaveLength(MAX_VAULT_ACCOUNTS);
    const batch = batchEdit(full, { now: 2 });
    batch.delete(full.accounts[1]!.id);
    batch.add(newAccount({ secret: secret(MAX_VAULT_ACCOUNTS + 1) }));
    expect(batch.done().accounts).toHaveLength(MAX_VAULT_ACCOUNTS);
  });
});
