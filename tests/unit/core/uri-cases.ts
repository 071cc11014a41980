/** Typed access to tests/fixtures/vectors/otpauth-uris.json and helpers shared by the URI tests. */
import { expect } from 'vitest';
import { encodeBase32 } from '../../../src/core/bytes/base32';
import { type CoreError, isCoreError } from '../../../src/core/errors';
import { codeAt } from '../../../src/core/otp';
import type { ParsedAccount } from '../../../src/core/otpauth-uri';
import { loadJson } from '../fixtures';

export interface ExpectedAccount {
  type: string;
  issuer?: string;
  account: string;
  secretBase32: string;
  algorithm: string;
  digits: number;
  period?: number;
  counter?: number;
}
export interface CodeCheck {
  unixTime?: number;
  counter?: number;
  algorithm?: string;
  code: string;
  source: string;
}
export interface UriCase {
  id: string;
  uri: string;
  expect: 'parse' | 'reject' | 'ambiguous';
  expected?: ExpectedAccount;
  expectedIfParsed?: ExpectedAccount;
  codeChecks?: CodeCheck[];
}
export interface BareSecret {
  input: string;
  expect: 'parse' | 'reject';
  normalized?: string;
  hex?: string;
}
export interface UriFixture {
  counts: { cases: number; parse: number; reject: number; ambiguous: number; bareSecrets: number };
  cases: UriCase[];
  bareSecrets: BareSecret[];
  otherSchemes: { input: string; expect: 'parse'; expected: ExpectedAccount }[];
}

export const uriFixture = loadJson<UriFixture>('vectors/otpauth-uris.json');

export function casesWith(expect: UriCase['expect']): UriCase[] {
  return uriFixture.cases.filter((c) => c.expect === expect);
}

export function caseById(id: string): UriCase {
  const found = uriFixture.cases.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no case ${id}`);
  return found;
}

/** The fields the fixture states, read from a parsed account (secret as normalized base32). */
export function view(account: ParsedAccount, keys: readonly string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    type: account.type,
    issuer: account.issuer,
    account: account.account,
    secretBase32: encodeBase32(account.secret),
    algorithm: account.algorithm,
    digits: account.digits,
    period: account.period,
    counter: account.counter,
  };
  return Object.fromEntries(keys.map((key) => [key, all[key]]));
}

/** Runs `fn` and returns the CoreError it throws; fails the test if it throws nothing or something else. */
export function coreErrorOf(fn: () => unknown): CoreError {
  try {
    fn();
  } catch (error) {
    if (isCoreError(error)) return error;
    throw error;
  }
  throw new Error('expected a CoreError, nothing was thrown');
}

/** Asserts every known code of a case (a counter in the check overrides the account's). */
export function checkCodes(account: ParsedAccount, checks: readonly CodeCheck[]): void {
  for (const check of checks) {
    const params = check.counter === undefined ? account : { ...account, counter: check.counter };
    expect(codeAt(params, (check.unixTime ?? 0) * 1000), `${check.source} ${JSON.stringify(check)}`).toBe(check.code);
  }
}

/** Asserts every field the fixture states. */
export function expectAccount(account: ParsedAccount, expected: ExpectedAccount): void {
  expect(view(account, Object.keys(expected))).toEqual(expected);
  // Fields the fixture leaves out hold their canonical values.
  if (account.type === 'hotp') expect(account.period).toBe(30);
  else expect(account.counter).toBe(0);
}
