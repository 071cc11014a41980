/**
 * Parser for the Key URI format (google-authenticator wiki "Key-Uri-Format"):
 * otpauth://TYPE/LABEL?PARAMETERS. We parse by hand rather than with `new URL`, whose handling of
 * non-special schemes differs between engines, and wrap nothing of otpauth's URI.parse, which is
 * more lenient than we want (SHA3, huge periods) and stricter in other places (no label).
 */
import { CoreError } from '../errors';
import { DEFAULTS, STEAM, type OtpType } from '../otp/types';
import { splitLabel } from './label';
import { parseAlgorithm, parseCounter, parseDigits, parsePeriod, parseSecret } from './params';
import { percentDecode, singleParam, splitQuery } from './query';
import type { ParsedAccount } from './types';

interface UriParts {
  type: OtpType;
  label: string;
  query: string;
}

/**
 * Parses an otpauth:// URI into an account, or throws a CoreError whose `code` and `field` say
 * what is wrong. Tolerances (each asserted by a public app's tests): upper-case scheme, type and
 * parameter names; a missing label; literal spaces; lower-case, spaced or padded secrets;
 * `otpauth://steam/` (Aegis) and `encoder=steam` (pyotp, KeePassXC) for Steam Guard.
 */
export function parseOtpauthUri(uri: string): ParsedAccount {
  const parts = splitUri(uri.trim());
  const query = splitQuery(parts.query);
  const encoder = singleParam(query, 'encoder', 'type');
  const type: OtpType = parts.type === 'totp' && encoder?.toLowerCase() === 'steam' ? 'steam' : parts.type;
  const issuerParam = singleParam(query, 'issuer', 'issuer') ?? '';
  const names = splitLabel(percentDecode(parts.label, 'label'), issuerParam);

  if (type === 'steam') {
    // Steam Guard parameters are fixed; pyotp's tests assert that period/digits are ignored.
    const secret = parseSecret(singleParam(query, 'secret', 'secret'));
    return { type, secret, ...STEAM, counter: 0, ...names };
  }
  const algorithm = parseAlgorithm(singleParam(query, 'algorithm', 'algorithm'));
  const digits = parseDigits(singleParam(query, 'digits', 'digits'));
  // period is meaningless for hotp and counter for totp (Ente exports period=30 on hotp URIs):
  // they are not read, and the unused field holds its canonical value.
  const period = type === 'totp' ? parsePeriod(singleParam(query, 'period', 'period')) : DEFAULTS.period;
  const counter = type === 'hotp' ? parseCounter(singleParam(query, 'counter', 'counter')) : 0;
  const secret = parseSecret(singleParam(query, 'secret', 'secret'));
  return { type, secret, algorithm, digits, period, counter, ...names };
}

function splitUri(uri: string): UriParts {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(uri)?.[1];
  if (scheme?.toLowerCase() !== 'otpauth') {
    throw new CoreError('uri/not-otpauth', 'Not an otpauth:// URI', 'scheme');
  }
  const rest = uri.slice(scheme.length + 1);
  if (!rest.startsWith('//')) throw new CoreError('uri/malformed', 'Expected "otpauth://"', 'scheme');
  const question = rest.indexOf('?');
  const path = question < 0 ? rest.slice(2) : rest.slice(2, question);
  const query = question < 0 ? '' : rest.slice(question + 1);
  const slash = path.indexOf('/');
  const rawType = (slash < 0 ? path : path.slice(0, slash)).toLowerCase();
  if (rawType !== 'totp' && rawType !== 'hotp' && rawType !== 'steam') {
    throw new CoreError('uri/bad-type', 'The OTP type must be totp or hotp', 'type');
  }
  return { type: rawType, label: slash < 0 ? '' : path.slice(slash + 1), query };
}
