/**
 * Aegis Authenticator vault export, plain or encrypted (beemdevelopment/Aegis: docs/vault.md,
 * importers/AegisImporter.java, vault/VaultEntry.java, otp/*Info.java). Layout:
 * `{ version: 1, header: { slots, params }, db }` where db is `{ version: 1..3, entries: [...] }`
 * (plain) or base64 of its encryption (see ./aegis-crypto.ts). Each entry is
 * `{ type, name, issuer, info: { secret (base32), algo, digits, period | counter } }`.
 */
import { CoreError } from '../errors';
import { collectEntries, buildAccount, displayName } from './entry';
import { openDb, passwordSlots, unlockMasterKey } from './aegis-crypto';
import { corrupt, needsPassword } from './import-errors';
import { fromBase64, fromUtf8 } from './file-text';
import { arr, isRecord, num, optNum, optStr, parseJson, rec, str, type JsonRecord } from './json-read';
import type { EntriesResult } from './types';

/** Newest db version we understand (Aegis 3.x writes 3: entries reference group uuids). */
const MAX_DB_VERSION = 3;

/** An Aegis vault file: a version-1 wrapper with a header holding `slots` and `params`. */
export function isAegisVault(json: unknown): json is JsonRecord & { header: JsonRecord } {
  return (
    isRecord(json) && json['version'] === 1 && isRecord(json['header']) && 'slots' in json['header'] && 'db' in json
  );
}

export const isAegisEncrypted = (json: JsonRecord & { header: JsonRecord }): boolean => json.header['slots'] !== null;

function readEntries(db: unknown): EntriesResult {
  const record = rec(db, 'db');
  const version = num(record['version'], 'db.version');
  if (version > MAX_DB_VERSION) {
    throw new CoreError('import/unsupported-version', `Aegis db version ${version} is newer than we know`, 'data');
  }
  const name = (entry: unknown): string =>
    isRecord(entry) ? displayName(String(entry['issuer'] ?? ''), String(entry['name'] ?? '')) : '';
  return collectEntries(arr(record['entries'], 'db.entries'), name, (value) => {
    const entry = rec(value, 'entry');
    const info = rec(entry['info'], 'entry.info');
    const account = buildAccount({
      type: str(entry['type'], 'entry.type'),
      secret: str(info['secret'], 'info.secret'),
      algorithm: optStr(info['algo'], 'info.algo'),
      digits: optNum(info['digits'], 'info.digits'),
      period: optNum(info['period'], 'info.period'),
      counter: optNum(info['counter'], 'info.counter'),
      issuer: optStr(entry['issuer'], 'entry.issuer') ?? '',
      account: optStr(entry['name'], 'entry.name') ?? '',
    });
    // Aegis's "favorite" (pinned to the top of its list) is our pin.
    return entry['favorite'] === true ? { ...account, pinned: true } : account;
  });
}

/** Imports a parsed Aegis vault; encrypted vaults need `password` (scrypt takes ~0.1–1 s). */
export async function importAegis(
  json: JsonRecord & { header: JsonRecord },
  password: string | undefined,
  subtle: SubtleCrypto,
): Promise<EntriesResult> {
  if (!isAegisEncrypted(json)) return readEntries(json['db']);
  // Slots are checked (cost included) before the password is even asked for: a file we would refuse
  // anyway must not make the user type a password, nor run a KDF.
  const slots = passwordSlots(json.header);
  const db = fromBase64(str(json['db'], 'db'), 'the vault db');
  if (db.length === 0) throw corrupt('the vault db is empty');
  if (password === undefined) throw needsPassword();
  const masterKey = await unlockMasterKey(subtle, slots, password);
  const plain = await openDb(subtle, json.header, db, masterKey);
  return readEntries(parseJson(fromUtf8(plain, 'the decrypted db'), 'the decrypted db'));
}
