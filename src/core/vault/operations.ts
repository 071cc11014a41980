/**
 * Pure vault operations: each returns a new `VaultData` and never mutates its input (unchanged
 * accounts are shared). Time and id generation are injected (ARCHITECTURE rule 2).
 * Parameters of the code itself (digits, period, ...) are validated by ../otpauth-uri and ../otp
 * before they reach the vault; here only what the vault itself needs is checked.
 */
import { CoreError, DuplicateAccount, MAX_VAULT_ACCOUNTS, VaultFull } from '../errors';
import { DEFAULT_FILL_OPTIONS, TRASH_RETENTION_MS, type Account, type FillOptions, type VaultData } from './types';
import { cleanName } from './names';
import { toHex } from '../crypto/bytes';

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now: number;
}

export interface AddContext extends Clock {
  newId?: () => string;
}

/** What a caller supplies for a new account; the vault fills in id, timestamps and order. */
export type NewAccount = Pick<
  Account,
  'type' | 'issuer' | 'account' | 'secret' | 'algorithm' | 'digits' | 'period' | 'counter'
> &
  Partial<Pick<Account, 'sites' | 'backupCodes' | 'pinned' | 'order' | 'fill' | 'addedOn'>>;

/** The fields a user may edit after enrollment (`fill`: only the options given change). */
export type AccountPatch = Partial<
  Pick<Account, 'issuer' | 'account' | 'sites' | 'pinned' | 'order' | 'backupCodes' | 'counter'>
> & {
  fill?: Partial<FillOptions>;
};

const defaultNewId = (): string => globalThis.crypto.randomUUID();

function sameSecret(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** The active account with the same type and key bytes, if any (the duplicate rule). */
export function findDuplicate(vault: VaultData, candidate: Pick<Account, 'type' | 'secret'>): Account | undefined {
  return vault.accounts.find((a) => a.type === candidate.type && sameSecret(a.secret, candidate.secret));
}

/** findDuplicate's rule (same type and key bytes) as one string, for an index of many accounts. */
export const duplicateKey = (account: Pick<Account, 'type' | 'secret'>): string =>
  `${account.type}:${toHex(account.secret)}`;

function notFound(id: string): CoreError {
  return new CoreError('vault/not-found', `No account with id ${id}`);
}

const definedOnly = (options: Partial<FillOptions>): Partial<FillOptions> =>
  Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v === 'boolean' || Array.isArray(v)));
const unique = (sites: readonly string[]): string[] => [...new Set(sites)];
const copyCodes = (codes: Account['backupCodes']): Account['backupCodes'] => codes.map((c) => ({ ...c }));

/**
 * Adds an account at the end of its group. Throws `vault/duplicate` (a `DuplicateAccount` carrying
 * `existingId`) when the same type and secret is already active, and `otp/bad-params` for an
 * empty secret (it could not be stored and read back), and `vault/full` (VaultFull) when the vault
 * already holds MAX_VAULT_ACCOUNTS active accounts. Many at once: ./batch.ts (linear, same rules).
 */
export function addAccount(
  vault: VaultData,
  input: NewAccount,
  context: AddContext,
): { vault: VaultData; account: Account } {
  checkSecret(input);
  const duplicate = findDuplicate(vault, input);
  if (duplicate !== undefined) throw new DuplicateAccount(duplicate.id);
  if (vault.accounts.length >= MAX_VAULT_ACCOUNTS) throw new VaultFull();
  const taken = new Set([...vault.accounts, ...vault.trash.map((t) => t.account)].map((a) => a.id));
  const id = freshId(context, taken);
  const order = input.order ?? nextOrder(vault.accounts);
  const account = newAccount(input, id, order, context.now);
  return { vault: { ...vault, accounts: [...vault.accounts, account] }, account };
}

/** `otp/bad-params` for an empty secret. */
export function checkSecret(input: Pick<NewAccount, 'secret'>): void {
  if (input.secret.length === 0) throw new CoreError('otp/bad-params', 'The secret is empty', 'secret');
}

/** A new id from `context.newId` (default: a random UUID); throws when it is empty or in `taken`. */
export function freshId(context: AddContext, taken: ReadonlySet<string>): string {
  const id = (context.newId ?? defaultNewId)();
  if (id.length === 0 || taken.has(id)) throw new Error('newId() returned an empty or existing id');
  return id;
}

/** The order that puts an account after every one of `accounts` (0 for none). */
export function nextOrder(accounts: Iterable<Account>): number {
  let max = 0;
  for (const a of accounts) max = Math.max(max, a.order + 1);
  return max;
}

/** The stored account for `input`: names made well-formed, lists copied, defaults filled in. */
export function newAccount(input: NewAccount, id: string, order: number, now: number): Account {
  return {
    id,
    type: input.type,
    issuer: cleanName(input.issuer),
    account: cleanName(input.account),
    secret: new Uint8Array(input.secret),
    algorithm: input.algorithm,
    digits: input.digits,
    period: input.period,
    counter: input.counter,
    sites: unique(input.sites ?? []),
    backupCodes: copyCodes(input.backupCodes ?? []),
    createdAt: now,
    updatedAt: now,
    order,
    pinned: input.pinned ?? false,
    fill: { ...DEFAULT_FILL_OPTIONS, ...input.fill },
    ...(input.addedOn !== undefined && { addedOn: input.addedOn }),
  };
}

/** Applies the present keys of `patch`; throws `vault/not-found`. */
export function updateAccount(vault: VaultData, id: string, patch: AccountPatch, context: Clock): VaultData {
  const current = vault.accounts.find((a) => a.id === id);
  if (current === undefined) throw notFound(id);
  const next: Account = { ...current, updatedAt: context.now };
  if (patch.issuer !== undefined) next.issuer = cleanName(patch.issuer);
  if (patch.account !== undefined) next.account = cleanName(patch.account);
  if (patch.sites !== undefined) next.sites = unique(patch.sites);
  if (patch.pinned !== undefined) next.pinned = patch.pinned;
  if (patch.order !== undefined) next.order = patch.order;
  if (patch.fill !== undefined) {
    const fill = { ...current.fill, ...definedOnly(patch.fill) };
    next.fill = { ...fill, submitOn: unique(fill.submitOn), appendOn: unique(fill.appendOn) };
  }
  if (patch.backupCodes !== undefined) next.backupCodes = copyCodes(patch.backupCodes);
  if (patch.counter !== undefined) {
    // RFC 4226 §7.2: an HOTP counter only moves forward (a lower one would repeat used codes).
    if (!Number.isSafeInteger(patch.counter) || patch.counter < current.counter) {
      throw new CoreError('otp/bad-params', 'The HOTP counter can only increase', 'counter');
    }
    next.counter = patch.counter;
  }
  return { ...vault, accounts: vault.accounts.map((a) => (a.id === id ? next : a)) };
}

/** Moves an account to the trash (undo = `restoreAccount`); throws `vault/not-found`. */
export function deleteAccount(vault: VaultData, id: string, context: Clock): VaultData {
  const account = vault.accounts.find((a) => a.id === id);
  if (account === undefined) throw notFound(id);
  return {
    ...vault,
    accounts: vault.accounts.filter((a) => a.id !== id),
    trash: [...vault.trash, { account, deletedAt: context.now }],
  };
}

/**
 * Moves an account back from the trash. Throws `vault/not-found`, or `vault/duplicate` if the
 * same key was enrolled again meanwhile (restoring would create two copies). Its HOTP counter is
 * raised to the highest of its key by the write that stores it (VaultService.mutate, counters.ts):
 * another copy, enrolled again while this one was deleted and deleted in turn, may have counted on.
 */
export function restoreAccount(vault: VaultData, id: string, context: Clock): VaultData {
  const entry = vault.trash.find((t) => t.account.id === id);
  if (entry === undefined) throw notFound(id);
  const duplicate = findDuplicate(vault, entry.account);
  if (duplicate !== undefined) throw new DuplicateAccount(duplicate.id);
  return {
    ...vault,
    accounts: [...vault.accounts, { ...entry.account, updatedAt: context.now }],
    trash: vault.trash.filter((t) => t !== entry),
  };
}

/** Drops trash entries deleted at least `retentionMs` (default 30 days) before `now`. */
export function purgeTrash(vault: VaultData, now: number, retentionMs = TRASH_RETENTION_MS): VaultData {
  return { ...vault, trash: vault.trash.filter((t) => now - t.deletedAt < retentionMs) };
}

/** Display order: pinned first, then `order`, then creation time, then id (a total order). */
export function listAccounts(vault: VaultData): Account[] {
  return [...vault.accounts].sort(
    (a, b) =>
      Number(b.pinned) - Number(a.pinned) ||
      a.order - b.order ||
      a.createdAt - b.createdAt ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
