/**
 * Writer for the Key URI format (google-authenticator wiki "Key-Uri-Format"), the inverse of
 * parseOtpauthUri: parseOtpauthUri(formatOtpauthUri(a)) equals a for every valid account whose
 * account name does not start with a space (spaces after the label separator are dropped).
 */
import { encodeBase32 } from '../bytes/base32';
import { CoreError } from '../errors';
import { joinLabel } from './label';
import type { ParsedAccount } from './types';

/**
 * Formats an account as otpauth://TYPE/LABEL?secret=...&issuer=...; the issuer is written both
 * as label prefix and parameter (the wiki recommends both), the secret unpadded. Steam accounts
 * use otpauth://steam/ (Aegis's form): an app that does not know Steam rejects it instead of
 * showing wrong 6-digit codes, as it would for a totp URI with encoder=steam.
 */
export function formatOtpauthUri(account: ParsedAccount): string {
  const label = joinLabel(account, (part) => encode(part, 'label'));
  const params: [string, string][] = [['secret', encodeBase32(account.secret)]];
  if (account.issuer !== '') params.push(['issuer', encode(account.issuer, 'issuer')]);
  if (account.type !== 'steam') {
    params.push(['algorithm', account.algorithm], ['digits', String(account.digits)]);
    if (account.type === 'totp') params.push(['period', String(account.period)]);
    else params.push(['counter', String(account.counter)]);
  }
  const query = params.map(([name, value]) => `${name}=${value}`).join('&');
  return `otpauth://${account.type}/${label}?${query}`;
}

/** encodeURIComponent, with its URIError (lone UTF-16 surrogate) turned into a typed error. */
function encode(text: string, field: 'label' | 'issuer'): string {
  try {
    return encodeURIComponent(text);
  } catch (cause) {
    throw new CoreError('uri/malformed', `Cannot encode the ${field} as UTF-8`, field, { cause });
  }
}
