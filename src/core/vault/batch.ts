/**
 * Many adds and deletes in one pass (an import): the same rules and the same resulting vault as
 * addAccount and deleteAccount called one after another, in linear time. Called in a loop, each add
 * rebuilt the set of ids, rescanned every account for a duplicate and for the next order, and copied
 * the account array: 20,000 keys took 33 s (review of the import path). Here the id set, a
 * duplicate index and the next order are built once and kept up to date. The input vault is not
 * changed; `done()` returns the new one.
 */
import { DuplicateAccount, CoreError, MAX_VAULT_ACCOUNTS, VaultFull } from '../errors';
import {
  checkSecret,
  duplicateKey,
  freshId,
  newAccount,
  nextOrder,
  type AddContext,
  type NewAccount,
} from './operations';
import type { Account, TrashEntry, VaultData } from './types';

export interface VaultBatch {
  /** addAccount: throws `vault/duplicate`, `otp/bad-params` or `vault/full` as it does, and changes nothing then. */
  add(input: NewAccount): Account;
  /** deleteAccount (to the trash): throws `vault/not-found`. */
  delete(id: string): void;
  /** True while an account with this id is active (not deleted). */
  has(id: string): boolean;
  /** The vault with every add and delete so far. */
  done(): VaultData;
}

export function batchEdit(vault: VaultData, context: AddContext): VaultBatch {
  /** Active accounts by id (the first, as `find` would), and by key in vault order (findDuplicate's first). */
  const active = new Map<string, Account>();
  const byKey = new Map<string, Account[]>();
  const index = (account: Account) => {
    if (!active.has(account.id)) active.set(account.id, account);
    const key = duplicateKey(account);
    const same = byKey.get(key);
    if (same === undefined) byKey.set(key, [account]);
    else same.push(account);
  };
  for (const account of vault.accounts) index(account);
  const taken = new Set([...vault.accounts, ...vault.trash.map((t) => t.account)].map((a) => a.id));
  const added: Account[] = [];
  const deleted = new Set<string>();
  const trashed: TrashEntry[] = [];
  let order = nextOrder(vault.accounts);
  let orderStale = false;

  return {
    add(input) {
      checkSecret(input);
      const duplicate = byKey.get(duplicateKey(input))?.[0];
      if (duplicate !== undefined) throw new DuplicateAccount(duplicate.id);
      if (active.size >= MAX_VAULT_ACCOUNTS) throw new VaultFull();
      const id = freshId(context, taken);
      if (orderStale) [order, orderStale] = [nextOrder(active.values()), false];
      const account = newAccount(input, id, input.order ?? order, context.now);
      taken.add(id);
      added.push(account);
      index(account);
      order = Math.max(order, account.order + 1);
      return account;
    },
    delete(id) {
      const account = active.get(id);
      if (account === undefined) throw new CoreError('vault/not-found', `No account with id ${id}`);
      active.delete(id);
      deleted.add(id);
      trashed.push({ account, deletedAt: context.now });
      const key = duplicateKey(account);
      const rest = byKey.get(key)?.filter((a) => a.id !== id) ?? [];
      if (rest.length > 0) byKey.set(key, rest);
      else byKey.delete(key);
      // The next order may have been this account's: recount before the next add needs it (rare:
      // a replacement takes the old account's order, so the highest stays).
      if (account.order + 1 >= order) orderStale = true;
    },
    has: (id) => active.has(id),
    done: () => ({
      ...vault,
      accounts: [...vault.accounts, ...added].filter((a) => !deleted.has(a.id)),
      trash: [...vault.trash, ...trashed],
    }),
  };
}
