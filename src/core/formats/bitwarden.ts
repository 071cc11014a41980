/**
 * Bitwarden unencrypted exports, JSON and CSV (bitwarden/clients individual-vault-export;
 * Aegis importers/BitwardenImporter.java). The TOTP lives in `login.totp` (JSON) or the
 * `login_totp` column (CSV) as an otpauth:// URI, `steam://SECRET`, or a bare base32 secret.
 * Items without a TOTP are not authenticator entries and are ignored, not reported.
 * The login's URIs become the account's sites (http/https origins only); a favorite is pinned.
 */
import { CoreError } from '../errors';
import { parseOtpauthUri, parseSteamUri } from '../otpauth-uri';
import { csvRecords } from './csv';
import { buildAccount, collectEntries, displayName } from './entry';
import { arr, isRecord, optStr, str, type JsonRecord } from './json-read';
import { accountRestricted } from './peer-shapes';
import type { EntriesResult, ImportedAccount } from './types';

interface TotpItem {
  name: string;
  username: string;
  totp: string;
  uris: string[];
  /** A favorite in Bitwarden: pinned here. */
  favorite: boolean;
}

export const isBitwardenJson = (json: unknown): json is JsonRecord =>
  isRecord(json) && Array.isArray(json['items']) && typeof json['encrypted'] === 'boolean';

export const isBitwardenCsv = (header: readonly string[]): boolean => header.includes('login_totp');

/** http(s) origins of the login's URIs; Bitwarden also stores bare hosts ("example.com"). */
function origins(uris: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of uris.map((u) => u.trim()).filter((u) => u !== '')) {
    try {
      const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`);
      if (url.protocol === 'https:' || url.protocol === 'http:') out.add(url.origin);
    } catch {
      // Not a URL (an app id, a regex match rule): not a site we can bind to.
    }
  }
  return [...out];
}

function toAccount(item: TotpItem): ImportedAccount {
  const totp = item.totp.trim();
  let account: ImportedAccount;
  if (/^otpauth:/i.test(totp)) account = parseOtpauthUri(totp);
  else if (/^steam:/i.test(totp)) account = parseSteamUri(totp);
  else account = buildAccount({ type: 'totp', secret: totp, issuer: '', account: '' });
  const sites = origins(item.uris);
  return {
    ...account,
    issuer: account.issuer || item.name,
    account: account.account || item.username,
    ...(sites.length > 0 ? { sites } : {}),
    ...(item.favorite && { pinned: true }),
  };
}

function collect(items: TotpItem[]): EntriesResult {
  const withTotp = items.filter((item) => item.totp.trim() !== '');
  return collectEntries(withTotp, (item) => displayName(item.name, item.username), toAccount);
}

export function importBitwardenJson(json: JsonRecord): EntriesResult {
  if (json['encrypted'] === true) {
    // Password-protected exports are opened first (peer-encrypted.ts); account-restricted ones never can be.
    if (json['passwordProtected'] !== true) throw accountRestricted();
    throw new CoreError('import/needs-password', 'This Bitwarden export is password protected', 'password');
  }
  // Items without a TOTP are not authenticator entries (ignored, as in collect). The others are read one
  // by one: an item with a field of the wrong type is skipped by its name, like an entry of any other
  // format, instead of failing the whole file as import/corrupt.
  const logins = arr(json['items'], 'items').flatMap((value): LoginItem[] => {
    if (!isRecord(value) || !isRecord(value['login'])) return [];
    const totp = value['login']['totp'];
    const none = totp === undefined || totp === null || (typeof totp === 'string' && totp.trim() === '');
    return none ? [] : [{ item: value, login: value['login'] }];
  });
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return collectEntries(
    logins,
    ({ item, login }) => displayName(text(item['name']), text(login['username'])),
    (entry) => toAccount(totpItem(entry)),
  );
}

interface LoginItem {
  item: JsonRecord;
  login: JsonRecord;
}

function totpItem({ item, login }: LoginItem): TotpItem {
  const uris = Array.isArray(login['uris']) ? login['uris'] : [];
  return {
    name: optStr(item['name'], 'name') ?? '',
    username: optStr(login['username'], 'username') ?? '',
    totp: str(login['totp'], 'totp'),
    uris: uris.flatMap((u) => (isRecord(u) && typeof u['uri'] === 'string' ? [u['uri']] : [])),
    favorite: item['favorite'] === true,
  };
}

export function importBitwardenCsv(text: string): EntriesResult {
  const items = csvRecords(text).records.map((r) => ({
    name: r['name'] ?? '',
    username: r['login_username'] ?? '',
    totp: r['login_totp'] ?? '',
    uris: (r['login_uri'] ?? '').split(/[,\n]/),
    // Bitwarden writes 1 for a favorite and leaves the column empty otherwise.
    favorite: (r['favorite'] ?? '').trim() === '1',
  }));
  return collect(items);
}
