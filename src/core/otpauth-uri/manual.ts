/**
 * A key typed by hand ("can't scan? enter this key"): the same validation, error codes and fields as
 * a Key URI, so the add form highlights the field that is wrong.
 */
import { CoreError } from '../errors';
import { DEFAULTS, STEAM, type OtpType } from '../otp/types';
import { parseAlgorithm, parseCounter, parseDigits, parsePeriod, parseSecret } from './params';
import type { ParsedAccount } from './types';

export interface ManualEntry {
  issuer: string;
  account: string;
  secret: string;
  type?: string;
  algorithm?: string;
  digits?: string;
  period?: string;
  counter?: string;
}

const TYPES: readonly OtpType[] = ['totp', 'hotp', 'steam'];

export function parseManualEntry(entry: ManualEntry): ParsedAccount {
  const type = (entry.type ?? 'totp').toLowerCase() as OtpType;
  if (!TYPES.includes(type)) throw new CoreError('uri/bad-type', 'Unsupported type', 'type');
  const names = { issuer: entry.issuer.trim(), account: entry.account.trim() };
  const secret = parseSecret(entry.secret);
  if (type === 'steam') return { type, secret, ...STEAM, counter: 0, ...names };
  const blank = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());
  return {
    type,
    secret,
    algorithm: parseAlgorithm(blank(entry.algorithm)),
    digits: parseDigits(blank(entry.digits)),
    period: type === 'totp' ? parsePeriod(blank(entry.period)) : DEFAULTS.period,
    counter: type === 'hotp' ? parseCounter(blank(entry.counter) ?? '0') : 0,
    ...names,
  };
}
