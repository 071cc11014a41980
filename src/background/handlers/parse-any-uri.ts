import { parseMigrationUri, parseOtpauthUri, parseSteamUri } from '../../core/otpauth-uri';
import type { ParsedAccount } from '../../core/otpauth-uri/types';

/** otpauth://, steam:// (Bitwarden) or otpauth-migration:// (Google Authenticator export) → accounts. */
export function parseAnyUri(uri: string): ParsedAccount[] {
  const text = uri.trim();
  const scheme = text.slice(0, text.indexOf(':') + 1).toLowerCase();
  if (scheme === 'otpauth-migration:') return parseMigrationUri(text).accounts;
  if (scheme === 'steam:') return [parseSteamUri(text)];
  return [parseOtpauthUri(text)];
}
