/**
 * Google Authenticator "Transfer accounts" QR codes: otpauth-migration://offline?data=BASE64,
 * where BASE64 is a MigrationPayload protobuf (see ./migration-payload.ts).
 */
import { decodeBase64, encodeBase64 } from '../bytes/base64';
import { CoreError, type Field } from '../errors';
import { DEFAULTS, type Algorithm } from '../otp/types';
import { type RawOtpParameters, decodePayload, encodePayload } from './migration-payload';
import { MAX_SECRET_BYTES, secretTooLong } from './params';
import { singleParam, splitQuery } from './query';
import type { ParsedAccount } from './types';

export interface MigrationBatch {
  accounts: ParsedAccount[];
  /** Payload format version (1 in current exports; 0 when absent). */
  version: number;
  /** Number of QR codes in the export (0 when absent: old exports have a single code). */
  batchSize: number;
  /** 0-based index of this QR code in the export. */
  batchIndex: number;
  /** Same for all QR codes of one export; lets a UI collect a multi-code export. */
  batchId: number;
}

const ALGORITHM_BY_ENUM: ReadonlyMap<number, Algorithm> = new Map([
  [0, 'SHA1'],
  [1, 'SHA1'],
  [2, 'SHA256'],
  [3, 'SHA512'],
]);
const DIGITS_BY_ENUM: ReadonlyMap<number, number> = new Map([
  [0, 6],
  [1, 6],
  [2, 8],
]);
const TYPE_BY_ENUM: ReadonlyMap<number, 'hotp' | 'totp'> = new Map([
  [1, 'hotp'],
  [2, 'totp'],
]);

/**
 * Decodes an otpauth-migration:// URI. Throws `uri/not-otpauth` for another scheme (also for
 * text before the scheme, e.g. "QR-Code:otpauth-migration://..."), `migration/bad-payload` for a
 * missing, empty, non-base64 or malformed payload, `migration/unsupported-entry` for an entry
 * we cannot compute codes for (MD5, unknown type/digits, empty secret) and `uri/secret-too-long` for
 * a key over MAX_SECRET_BYTES (as any other way in refuses it): the whole batch is
 * rejected so an import is never silently partial.
 */
export function parseMigrationUri(uri: string): MigrationBatch {
  const text = uri.trim();
  const match = /^otpauth-migration:\/\/offline\?(.*)$/is.exec(text);
  if (match === null) {
    if (/^otpauth-migration:/i.test(text)) {
      throw new CoreError('migration/bad-payload', 'Expected otpauth-migration://offline?data=...', 'data');
    }
    throw new CoreError('uri/not-otpauth', 'Not an otpauth-migration:// URI', 'scheme');
  }
  // Not form-decoded: exports carry raw "+" in the base64 (scito's "unencoded plus" case), so "+"
  // stays "+" and a space (from a scanner that form-decoded already) is mapped back to "+".
  const data = singleParam(splitQuery(match[1] ?? ''), 'data', 'data', false)?.replace(/ /g, '+');
  if (data === undefined || data === '')
    throw new CoreError('migration/bad-payload', 'The data parameter is missing', 'data');
  return decodeMigrationPayload(decodeBase64(data));
}

/** Decodes the protobuf bytes of a migration payload into accounts. */
export function decodeMigrationPayload(bytes: Uint8Array): MigrationBatch {
  const { otpParameters, ...batch } = decodePayload(bytes);
  return { accounts: otpParameters.map(toAccount), ...batch };
}

/** Builds an otpauth-migration:// URI (tests and "export to Google Authenticator"). */
export function encodeMigration(batch: MigrationBatch): string {
  const otpParameters = batch.accounts.map(fromAccount);
  const bytes = encodePayload({ ...batch, otpParameters });
  return `otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(bytes))}`;
}

function toAccount(entry: RawOtpParameters): ParsedAccount {
  const algorithm = ALGORITHM_BY_ENUM.get(entry.algorithm) ?? unsupported('algorithm');
  const digits = DIGITS_BY_ENUM.get(entry.digits) ?? unsupported('digits');
  const type = TYPE_BY_ENUM.get(entry.type) ?? unsupported('type');
  if (entry.secret.length === 0) unsupported('secret');
  // Raw key bytes skip parseSecret's cap: the same cap here, or a crafted batch stored keys of any size.
  if (entry.secret.length > MAX_SECRET_BYTES) throw secretTooLong();
  if (type === 'hotp' && (entry.counter < 0n || entry.counter > BigInt(Number.MAX_SAFE_INTEGER)))
    unsupported('counter');
  const counter = type === 'hotp' ? Number(entry.counter) : DEFAULTS.counter;
  return { type, secret: entry.secret, algorithm, digits, period: DEFAULTS.period, counter, ...splitName(entry) };
}

/**
 * Google Authenticator stores the whole label in `name` ("Issuer:account"). The prefix is dropped
 * only when it equals the issuer field; otherwise the name is kept whole (GA itself exports
 * "encoding: ¿äÄéÉ? (demo)" with an empty issuer, scito example_output.json).
 */
function splitName(entry: RawOtpParameters): { issuer: string; account: string } {
  const prefix = `${entry.issuer}:`;
  if (entry.issuer !== '' && entry.name.startsWith(prefix)) {
    return { issuer: entry.issuer, account: entry.name.slice(prefix.length).replace(/^ +/, '') };
  }
  return { issuer: entry.issuer, account: entry.name };
}

function fromAccount(account: ParsedAccount): RawOtpParameters {
  if (account.type === 'steam') unsupported('type');
  const digits = account.digits === 6 ? 1 : account.digits === 8 ? 2 : unsupported('digits');
  return {
    secret: account.secret,
    name: account.issuer === '' ? account.account : `${account.issuer}:${account.account}`,
    issuer: account.issuer,
    algorithm: { SHA1: 1, SHA256: 2, SHA512: 3 }[account.algorithm],
    digits,
    type: account.type === 'hotp' ? 1 : 2,
    counter: BigInt(account.type === 'hotp' ? account.counter : 0),
  };
}

function unsupported(field: Field): never {
  throw new CoreError('migration/unsupported-entry', `Unsupported or missing ${field} in a migration entry`, field);
}
