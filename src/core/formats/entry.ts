/**
 * Turns the fields of one exported entry into a validated account, with the same rules as the
 * otpauth:// parser (../otpauth-uri/params.ts), so every importer accepts and rejects alike.
 */
import { CoreError } from '../errors';
import {
  MAX_SECRET_BYTES,
  parseAlgorithm,
  parseCounter,
  parseDigits,
  parsePeriod,
  parseSecret,
  secretTooLong,
} from '../otpauth-uri/params';
import { DEFAULTS, STEAM } from '../otp/types';
import { MAX_IMPORT_ACCOUNTS, skipReason, tooMany, unsupportedEntry } from './import-errors';
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
  if (secret.length > MAX_SECRET_BYTES) throw secretTooLong();
  const names = { issuer: raw.issuer, account: raw.account };
  if (type === 'steam') return { type, secret, ...STEAM, counter: 0, ...names };
  if (type !== 'totp' && type !== 'hotp') throw unsupportedEntry(`type ${raw.type}`);
  const algorithm = parseAlgorithm(raw.algorithm);
  const digits = parseDigits(text(raw.digits));
  const period = type === 'totp' ? parsePeriod(text(raw.period)) : DEFAULTS.period;
  const counter = type === 'hotp' ? parseCounter(text(raw.counter ?? 0)) : 0;
  return { type, secret, algorithm, digits, period, counter, ...names };
}

/**
 * "Issuer: account", or whichever part exists, for the skipped list; '' when neither does (the page
 * shows "unnamed" in its language).
 */
export function displayName(issuer: string | undefined, account: string | undefined): string {
  const parts = [issuer, account].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.join(': ');
}

/** How a skipped entry is named: "Issuer: account" (see displayName), or its line in a text. */
export type EntryName = string | { line: number };

/**
 * Reads every item; one that throws a CoreError is recorded in `skipped` (never a crash, never a
 * silent drop), anything else propagates. `read` may return several accounts (migration URIs).
 * More than MAX_IMPORT_ACCOUNTS items or accounts is `import/too-many`, checked before the items are
 * read; accounts are pushed one by one, since `push(...result)` of one migration line holding 200,000
 * entries overflowed the call stack (an untyped RangeError).
 */
export function collectEntries<T>(
  items: readonly T[],
  nameOf: (item: T, index: number) => EntryName,
  read: (item: T, index: number) => ImportedAccount | ImportedAccount[],
): EntriesResult {
  if (items.length > MAX_IMPORT_ACCOUNTS) throw tooMany(items.length);
  const accounts: ImportedAccount[] = [];
  const skipped: SkippedEntry[] = [];
  for (const [index, item] of items.entries()) {
    let result: ImportedAccount | ImportedAccount[];
    try {
      result = read(item, index);
    } catch (error) {
      const name = nameOf(item, index);
      skipped.push({ ...(typeof name === 'string' ? { name } : { name: '', line: name.line }), ...skipReason(error) });
      continue;
    }
    if (!Array.isArray(result)) accounts.push(result);
    else if (accounts.length + result.length > MAX_IMPORT_ACCOUNTS) throw tooMany(accounts.length + result.length);
    else for (const account of result) accounts.push(account);
  }
  return { accounts, skipped };
}
