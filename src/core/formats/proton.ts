/**
 * Proton Authenticator export (Aegis importers/ProtonAuthenticatorImporter.java):
 * `{ version: 1, entries: [{ id, content: { uri, entry_type: "Totp" | "Steam", name }, note }] }`
 * where `uri` is an otpauth:// (or steam://) URI.
 */
import { parseOtpauthUri, parseSteamUri } from '../otpauth-uri';
import { collectEntries, displayName } from './entry';
import { arr, isRecord, optStr, rec, str, type JsonRecord } from './json-read';
import type { EntriesResult } from './types';

export function isProtonAuthenticator(json: unknown): json is JsonRecord {
  if (!isRecord(json) || !Array.isArray(json['entries']) || typeof json['version'] !== 'number') return false;
  const first: unknown = json['entries'][0];
  return json['entries'].length === 0 || (isRecord(first) && isRecord(first['content']) && 'uri' in first['content']);
}

export function importProton(json: JsonRecord): EntriesResult {
  const nameOf = (value: unknown): string =>
    isRecord(value) && isRecord(value['content']) ? displayName('', String(value['content']['name'] ?? '')) : '';
  return collectEntries(arr(json['entries'], 'entries'), nameOf, (value) => {
    const content = rec(rec(value, 'entry')['content'], 'entry.content');
    const uri = str(content['uri'], 'content.uri').trim();
    if (!/^steam:/i.test(uri)) return parseOtpauthUri(uri);
    // steam:// carries no names; Proton keeps the entry's name beside it.
    return { ...parseSteamUri(uri), account: optStr(content['name'], 'content.name') ?? '' };
  });
}
