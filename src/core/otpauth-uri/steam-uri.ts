/**
 * steam://SECRET: not a standard, but what Bitwarden exports in its "totp" field for Steam Guard
 * (Aegis imports it as a Steam entry; see peer-fixtures/aegis/bitwarden.json).
 */
import { CoreError } from '../errors';
import { STEAM } from '../otp/types';
import { parseSecret } from './params';
import { percentDecode } from './query';
import type { ParsedAccount } from './types';

/** Parses steam://BASE32SECRET into a Steam account with no issuer or account name. */
export function parseSteamUri(uri: string): ParsedAccount {
  const text = uri.trim();
  const match = /^steam:\/\/([^?#]*)$/i.exec(text);
  if (match === null) {
    const scheme = /^steam:/i.test(text);
    throw new CoreError(scheme ? 'uri/malformed' : 'uri/not-otpauth', 'Not a steam:// URI', 'scheme');
  }
  const secret = parseSecret(percentDecode(match[1] ?? '', 'secret'));
  return { type: 'steam', secret, ...STEAM, counter: 0, issuer: '', account: '' };
}
