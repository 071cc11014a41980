/** The decrypted payload of our backup (./backup-format.md §Payload) → accounts. */
import { buildAccount, collectEntries, displayName } from './entry';
import { corrupt } from './import-errors';
import { MAX_BACKUP_CODE_LENGTH, MAX_STORED_BACKUP_CODES } from '../vault/types';
import { arr, isRecord, optNum, optStr, rec, str } from './json-read';
import type { EntriesResult, ImportedAccount } from './types';

function backupCodes(value: unknown): NonNullable<ImportedAccount['backupCodes']> {
  const list = arr(value ?? [], 'backupCodes');
  // More than an account may hold (no site hands out that many): a crafted or damaged entry.
  if (list.length > MAX_STORED_BACKUP_CODES) throw corrupt(`more than ${MAX_STORED_BACKUP_CODES} backup codes`);
  return list.map((item) => {
    const code = rec(item, 'backup code');
    if (typeof code['used'] !== 'boolean') throw corrupt('backup code "used" is not a boolean');
    const text = str(code['code'], 'backup code');
    if (text.length > MAX_BACKUP_CODE_LENGTH) throw corrupt(`a backup code over ${MAX_BACKUP_CODE_LENGTH} characters`);
    return { code: text, used: code['used'] };
  });
}

/**
 * Optional (added within version 1): the per-site fill options; absent in older backups, `exactOrigin`
 * too. Older files hold the booleans `submit`/`appendToPassword` (then on for the account's sites, as
 * the vault's v3→v4 migration does); newer ones the origin lists `submitOn`/`appendOn`.
 */
function fillOptions(value: unknown, sites: string[]): Pick<ImportedAccount, 'fill'> {
  if (value === undefined) return {};
  const fill = rec(value, 'fill');
  const { submit, appendToPassword, exactOrigin = false } = fill;
  if (typeof exactOrigin !== 'boolean') throw corrupt('fill options are not booleans');
  const list = (key: string, old: unknown): string[] => {
    if (fill[key] !== undefined) return arr(fill[key], key).map((origin) => str(origin, key));
    if (typeof old !== 'boolean') throw corrupt('fill options are not booleans');
    return old ? [...sites] : [];
  };
  return { fill: { submitOn: list('submitOn', submit), appendOn: list('appendOn', appendToPassword), exactOrigin } };
}

/**
 * Optional (added within version 1): the origin of the setup page whose QR added the account, which
 * the popup names ("Added from github.com") to tell two accounts that look the same apart; a restore
 * lost it. Text that is not an http(s) origin (a page opened from a file: "file://") is left out, as
 * the popup could not name it either: the account itself must not be lost over it.
 */
function addedOn(value: unknown): Pick<ImportedAccount, 'addedOn'> {
  if (value === undefined) return {};
  const text = str(value, 'addedOn');
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text ? { addedOn: text } : {};
  } catch {
    return {}; // not a URL: left out (above)
  }
}

export function readBackupAccounts(payload: unknown): EntriesResult {
  const accounts = arr(rec(payload, 'payload')['accounts'], 'accounts');
  const nameOf = (v: unknown): string =>
    isRecord(v) ? displayName(String(v['issuer'] ?? ''), String(v['account'] ?? '')) : '';
  return collectEntries(accounts, nameOf, (value) => {
    const a = rec(value, 'account');
    const account = buildAccount({
      type: str(a['type'], 'type'),
      secret: str(a['secret'], 'secret'),
      algorithm: optStr(a['algorithm'], 'algorithm'),
      digits: optNum(a['digits'], 'digits'),
      period: optNum(a['period'], 'period'),
      counter: optNum(a['counter'], 'counter'),
      issuer: str(a['issuer'], 'issuer'),
      account: str(a['account'], 'account'),
    });
    const sites = arr(a['sites'] ?? [], 'sites').map((site) => str(site, 'site'));
    return {
      ...account,
      sites,
      backupCodes: backupCodes(a['backupCodes']),
      ...fillOptions(a['fill'], sites),
      ...addedOn(a['addedOn']),
      // Optional (added within version 1): only `true` pins; anything else is left out, as the account
      // itself must not be lost over a flag.
      ...(a['pinned'] === true && { pinned: true }),
    };
  });
}
