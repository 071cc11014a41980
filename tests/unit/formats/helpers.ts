/** Shared helpers of the format tests: peer fixtures (GPL test data, read from ../shared only). */
import { readFileSync } from 'node:fs';
import { encodeBase32 } from '../../../src/core/bytes/base32';
import type { ImportedAccount } from '../../../src/core/formats';
import { loadJson, sharedUrl } from '../fixtures';

export const PEER = 'peer-fixtures/aegis';

export interface ExpectedEntry {
  id?: string;
  type: 'totp' | 'hotp' | 'steam';
  issuer: string;
  name: string;
  secret: string;
  algorithm: string;
  digits: number;
  period?: number;
  counter?: number;
}

export interface ExpectedFile {
  format: string;
  password?: string;
  entries?: ExpectedEntry[];
  steamEntry?: { totpField: string };
}

export interface Expected {
  vectors: ExpectedEntry[];
  passwords: Record<string, string>;
  files: Record<string, ExpectedFile>;
}

export const expected = (): Expected => loadJson<Expected>(`${PEER}/expected.json`);

export function peerBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(sharedUrl(`${PEER}/${name}`)));
}

export const peerText = (name: string): string => readFileSync(sharedUrl(`${PEER}/${name}`), 'utf8');

/** An imported account in expected.json's vocabulary (period for totp/steam, counter for hotp). */
export function asExpected(account: ImportedAccount): Omit<ExpectedEntry, 'id'> {
  const base = {
    type: account.type,
    issuer: account.issuer,
    name: account.account,
    secret: encodeBase32(account.secret),
    algorithm: account.algorithm,
    digits: account.digits,
  };
  return account.type === 'hotp' ? { ...base, counter: account.counter } : { ...base, period: account.period };
}

/** The fields Aegis asserts (drops our `id` and the `derivedCode` annotation of the vectors). */
export const withoutId = ({
  id: _id,
  derivedCode: _code,
  ...rest
}: ExpectedEntry & { derivedCode?: unknown }): Omit<ExpectedEntry, 'id'> => rest;

export const bySecret = <T extends { secret: string }>(list: T[]): T[] =>
  [...list].sort((a, b) => a.secret.localeCompare(b.secret));

/** Flips one bit of byte `index` (negative counts from the end). */
export function flipByte(bytes: Uint8Array, index: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  const at = index < 0 ? copy.length + index : index;
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}
