/**
 * Turns the fields of one exported entry into a validated account, with the same rules as the
 * otpauth:// parser (../otpauth-uri/params.ts), so every importer accepts and rejects alike.
 */
import { CoreError } from '../errors';
import { parseAlgorithm, parseCounter, parseDigits, parsePeriod, parseSecret } from '../otpauth-uri/params';
import { DEFAULTS, STEAM } from '../otp/types';
import { skipReason, unsupportedEntry } from './import-errors';
import type { EntriesResult, ImportedAccount, SkippedEntry } from './types';

export interface RawEntry {
  /** totp, hotp or steam, any case. */
  type: string;
  /** Base32 text, or raw key bytes. */
  secret: string | Uint8Array;
  algorithm?: string | undefined;
  digits?: number | undefined;
  period?: number | undefined;
  counter?: number | undefined;
  issuer: string;
  account: string;
}

const text = (value: number | undefined): string | undefined => (value === undefined ? undefined : String(value));

/** Validates one entry; throws a CoreError (which the caller records as skipped). */
export function buildAccount(raw: RawEntry): ImportedAccount {
  const type = raw.type.toLowerCase();
  const secret = typeof raw.secret === 'string' ? parseSecret(raw.secret) : raw.secret;
  if (secret.length === 0) throw new CoreError('uri/missing-secret', 'The secret is empty', 'secret');
  const names = { issuer: raw.issuer, account: raw.account };
  if (type === 'steam') return { type, secret, ...STEAM, counter: 0, ...names };
  if (type !== 'totp' && type !== 'hotp') throw unsupportedEntry(`type ${raw.type}`);
  const algorithm = parseAlgorithm(raw.algorithm);
  const digits = parseDigits(text(raw.digits));
  const period = type === 'totp' ? parsePeriod(text(raw.period)) : DEFAULTS.period;
  const counter = type === 'hotp' ? parseCounter(text(raw.counter ?? 0)) : 0;
  return { type, secret, algorithm, digits, period, counter, ...names };
}

/** "Issuer: account", or whichever part exists, for the skipped list. */
export function displayName(issuer: string | undefined, account: string | undefined): string {
  const parts = [issuer, account].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.join(': ') || '(unnamed)';
}

/**
 * Reads every item; one that throws a CoreError is recorded in `skipped` (never a crash, never a
 * silent drop), anything else propagates. `read` may return several accounts (migration URIs).
 */
export function collectEntries<T>(
  items: readonly T[],
  nameOf: (item: T, index: number) => string,
  read: (item: T, index: number) => ImportedAccount | ImportedAccount[],
): EntriesResult {
  const accounts: ImportedAccount[] = [];
  const skipped: SkippedEntry[] = [];
  for (const [index, item] of items.entries()) {
    try {
      const result = read(item, index);
      accounts.push(...(Array.isArray(result) ? result : [result]));
    } catch (error) {
      skipped.push({ name: nameOf(item, index), ...skipReason(error) });
    }
  }
  return { accounts, skipped };
}
