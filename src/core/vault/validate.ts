/**
 * Checks a document migrated to the current version field by field and turns it into `VaultData`.
 * Any mismatch is `vault/corrupted`; messages name the path, never a value (values are secret).
 */
import { decodeBase32 } from '../bytes/base32';
import { VaultCorrupted } from '../errors';
import { ALGORITHMS, OTP_TYPES } from '../otp/types';
import type { VersionedDoc } from './migrations';
import { CURRENT_VAULT_VERSION, type Account, type BackupCode, type TrashEntry, type VaultData } from './types';
import { cleanName } from './names';

type Obj = Record<string, unknown>;

function fail(path: string): never {
  throw new VaultCorrupted(`Vault field ${path} is invalid`);
}

function obj(value: unknown, path: string): Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : fail(path);
}

function arr(value: unknown, path: string): unknown[] {
  return Array.isArray(value) ? value : fail(path);
}

function str(value: unknown, path: string): string {
  return typeof value === 'string' ? value : fail(path);
}

function bool(value: unknown, path: string): boolean {
  return typeof value === 'boolean' ? value : fail(path);
}

function int(value: unknown, path: string, min: number): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min ? value : fail(path);
}

function num(value: unknown, path: string): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fail(path);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  return allowed.includes(value as T) ? (value as T) : fail(path);
}

function secret(value: unknown, path: string): Uint8Array {
  try {
    return decodeBase32(str(value, path));
  } catch {
    // Not base32: the typed validation error for this path.
    return fail(path);
  }
}

function backupCode(value: unknown, path: string): BackupCode {
  const o = obj(value, path);
  return { code: str(o.code, `${path}.code`), used: bool(o.used, `${path}.used`) };
}

function origins(value: unknown, path: string): string[] {
  return arr(value, path).map((v, i) => str(v, `${path}[${i}]`));
}

function fillOptions(value: unknown, path: string): Account['fill'] {
  const o = obj(value, path);
  return {
    submitOn: origins(o.submitOn, `${path}.submitOn`),
    appendOn: origins(o.appendOn, `${path}.appendOn`),
    exactOrigin: bool(o.exactOrigin, `${path}.exactOrigin`),
  };
}

export function toAccount(value: unknown, path: string): Account {
  const o = obj(value, path);
  const at = (key: string) => `${path}.${key}`;
  const id = str(o.id, at('id'));
  if (id.length === 0) fail(at('id'));
  return {
    id,
    type: oneOf(o.type, OTP_TYPES, at('type')),
    // A stored name from before names were made well-formed (names.ts) is read as one.
    issuer: cleanName(str(o.issuer, at('issuer'))),
    account: cleanName(str(o.account, at('account'))),
    secret: secret(o.secret, at('secret')),
    algorithm: oneOf(o.algorithm, ALGORITHMS, at('algorithm')),
    digits: int(o.digits, at('digits'), 1),
    period: int(o.period, at('period'), 1),
    counter: int(o.counter, at('counter'), 0),
    sites: arr(o.sites, at('sites')).map((site, i) => str(site, `${at('sites')}[${i}]`)),
    backupCodes: arr(o.backupCodes, at('backupCodes')).map((c, i) => backupCode(c, `${at('backupCodes')}[${i}]`)),
    createdAt: num(o.createdAt, at('createdAt')),
    updatedAt: num(o.updatedAt, at('updatedAt')),
    order: num(o.order, at('order')),
    pinned: bool(o.pinned, at('pinned')),
    fill: fillOptions(o.fill, at('fill')),
    ...(o.addedOn !== undefined && { addedOn: str(o.addedOn, at('addedOn')) }),
  };
}

function toTrashEntry(value: unknown, path: string): TrashEntry {
  const o = obj(value, path);
  return { account: toAccount(o.account, `${path}.account`), deletedAt: num(o.deletedAt, `${path}.deletedAt`) };
}

/** Validates a document already migrated to the current version. */
export function toVaultData(doc: VersionedDoc): VaultData {
  if (doc.version !== CURRENT_VAULT_VERSION) fail('version');
  const accounts = arr(doc.accounts, 'accounts').map((a, i) => toAccount(a, `accounts[${i}]`));
  const trash = arr(doc.trash, 'trash').map((t, i) => toTrashEntry(t, `trash[${i}]`));
  const ids = [...accounts, ...trash.map((entry) => entry.account)].map((account) => account.id);
  if (new Set(ids).size !== ids.length) fail('id (duplicate)');
  return { version: CURRENT_VAULT_VERSION, accounts, trash };
}
