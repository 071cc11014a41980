/**
 * 2FAS Authenticator backup (`.2fas`), schema versions 1–4 (twofas-android backup model;
 * Aegis importers/TwoFASImporter.java). `services[]` each hold `secret` (base32), `name`, and
 * `otp: { account, issuer, digits, period, algorithm, tokenType (v3+), counter, link (v4) }`.
 * Schema 1 has no parameters (TOTP SHA1/6/30); schema 2 has no token type (everything is TOTP).
 *
 * Encrypted backups keep `services: []` and put `servicesEncrypted` and `reference` as
 * "base64(ciphertext‖tag):base64(salt):base64(iv)", key = PBKDF2-HMAC-SHA256(password, salt,
 * 10000 iterations, 256 bits), AES-256-GCM. `reference` encrypts a fixed string: it failing is a
 * wrong password, the services failing after it opened is damage.
 */
import { CoreError } from '../errors';
import { buildAccount, collectEntries, displayName } from './entry';
import { corrupt, needsPassword, wrongPassword } from './import-errors';
import { gcmOpen, pbkdf2 } from '../crypto';
import { fromBase64, fromUtf8, utf8 } from './file-text';
import { arr, isRecord, optNum, optStr, parseJson, rec, str, type JsonRecord } from './json-read';
import type { EntriesResult } from './types';

const ITERATIONS = 10_000;
const MAX_SCHEMA = 4;

export const isTwoFas = (json: unknown): json is JsonRecord =>
  isRecord(json) && typeof json['schemaVersion'] === 'number' && Array.isArray(json['services']);

export const isTwoFasEncrypted = (json: JsonRecord): boolean =>
  typeof json['servicesEncrypted'] === 'string' && json['servicesEncrypted'] !== '';

function serviceName(value: unknown): string {
  if (!isRecord(value)) return '';
  const otp = isRecord(value['otp']) ? value['otp'] : {};
  return displayName(String(otp['issuer'] ?? value['name'] ?? ''), String(otp['account'] ?? ''));
}

function readServices(services: unknown[], schema: number): EntriesResult {
  return collectEntries(services, serviceName, (value) => {
    const service = rec(value, 'service');
    const otp = isRecord(service['otp']) ? service['otp'] : {};
    const issuer = optStr(otp['issuer'], 'otp.issuer') || (optStr(service['name'], 'service.name') ?? '');
    const names = { issuer, account: optStr(otp['account'], 'otp.account') ?? '' };
    const secret = str(service['secret'], 'service.secret');
    if (schema < 2) return buildAccount({ type: 'totp', secret, ...names });
    return buildAccount({
      type: schema < 3 ? 'totp' : (optStr(otp['tokenType'], 'otp.tokenType') ?? 'totp'),
      secret,
      algorithm: optStr(otp['algorithm'], 'otp.algorithm'),
      digits: optNum(otp['digits'], 'otp.digits'),
      period: optNum(otp['period'], 'otp.period'),
      counter: optNum(otp['counter'], 'otp.counter'),
      ...names,
    });
  });
}

async function decryptPart(subtle: SubtleCrypto, text: string, password: string, what: string): Promise<Uint8Array> {
  const parts = text.split(':');
  if (parts.length !== 3) throw corrupt(`${what} is not ciphertext:salt:iv`);
  const [sealed, salt, iv] = parts.map((part) => fromBase64(part, what)) as [Uint8Array, Uint8Array, Uint8Array];
  if (sealed.length < 16 || iv.length === 0) throw corrupt(`${what} is truncated`);
  const key = await pbkdf2(subtle, utf8(password), salt, ITERATIONS, 'SHA-256');
  return gcmOpen(subtle, key, iv, sealed);
}

/** Imports a parsed 2FAS backup; encrypted backups need `password`. */
export async function importTwoFas(
  json: JsonRecord,
  password: string | undefined,
  subtle: SubtleCrypto,
): Promise<EntriesResult> {
  const schema = json['schemaVersion'] as number;
  if (schema > MAX_SCHEMA)
    throw new CoreError('import/unsupported-version', `2FAS schema ${schema} is newer than we know`, 'data');
  if (!isTwoFasEncrypted(json)) return readServices(arr(json['services'], 'services'), schema);
  if (password === undefined) throw needsPassword();
  const reference = str(json['reference'], 'reference');
  try {
    await decryptPart(subtle, reference, password, 'reference');
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw wrongPassword(error);
  }
  let plain: Uint8Array;
  try {
    plain = await decryptPart(
      subtle,
      str(json['servicesEncrypted'], 'servicesEncrypted'),
      password,
      'servicesEncrypted',
    );
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw corrupt('the services fail authentication', error);
  }
  const services = arr(parseJson(fromUtf8(plain, 'the services'), 'the services'), 'services');
  return readServices(services, schema);
}
