/**
 * Backup JSON of the "Authenticator" browser extension (Authenticator-Extension/Authenticator,
 * src/models/storage.ts getExport/import, src/models/otp.ts): an object mapping an entry hash to
 * `{ secret, issuer?, account?, type?, period?, digits?, algorithm?, counter?, encrypted, index }`.
 * Types: totp, hotp, steam, battle (Battle.net: 8 digits), hex/hhex (hex secrets). Secrets may
 * carry "stm-" (Steam) or "blz-"/"bliz-" (Battle.net) prefixes. Algorithms are names or the
 * OTPAlgorithm enum numbers (1 SHA1, 2 SHA256, 3 SHA512, 4–5 GOST: unsupported).
 *
 * Encrypted form we read: entries with `encrypted: true` whose secret is CryptoJS
 * `AES.encrypt(secret, passphrase)`; the passphrase is the password, or, when the file carries a
 * `key: { enc }`, the key obtained by decrypting `enc` with the password. Newer per-key entries
 * (`dataType: "EncOTPStorage"`, argon2-derived keys) are skipped as unsupported.
 */
import { buildAccount, collectEntries, displayName } from './entry';
import { cryptoJsDecrypt } from './cryptojs-aes';
import { fromHex } from './file-text';
import { needsPassword, unsupportedEntry, wrongPassword } from './import-errors';
import { isRecord, optNum, optStr, str, type JsonRecord } from './json-read';
import type { EntriesResult, ImportedAccount } from './types';

const ALGORITHM_ENUM = ['', 'SHA1', 'SHA256', 'SHA512', 'GOST3411_2012_256', 'GOST3411_2012_512'];
const PLAUSIBLE_SECRET = /^([a-z2-7]+=*|[0-9a-f]+|(blz-|bliz-|stm-).+)$/i;

const entriesOf = (json: JsonRecord): [string, JsonRecord][] =>
  Object.entries(json).filter(
    (pair): pair is [string, JsonRecord] => isRecord(pair[1]) && pair[0] !== 'key' && pair[1]['dataType'] !== 'Key',
  );

export function isAuthenticatorExt(json: unknown): json is JsonRecord {
  if (!isRecord(json)) return false;
  const entries = entriesOf(json);
  return (
    entries.length > 0 && entries.every(([, e]) => typeof e['secret'] === 'string' || e['dataType'] === 'EncOTPStorage')
  );
}

export const isAuthenticatorExtEncrypted = (json: JsonRecord): boolean =>
  entriesOf(json).some(([, e]) => e['encrypted'] === true || e['dataType'] === 'EncOTPStorage');

function algorithmName(value: unknown): string | undefined {
  if (typeof value === 'number' || (typeof value === 'string' && /^[0-9]+$/.test(value)))
    return ALGORITHM_ENUM[Number(value)] ?? String(value);
  return optStr(value, 'algorithm');
}

function toAccount(entry: JsonRecord, secretText: string): ImportedAccount {
  let type = (optStr(entry['type'], 'type') ?? 'totp').toLowerCase();
  let secret: string | Uint8Array = secretText.replace(/\s+/g, '');
  let digits = optNum(entry['digits'], 'digits');
  const prefix = /^(blz-|bliz-|stm-)/i.exec(secret)?.[1]?.toLowerCase();
  if (prefix !== undefined) {
    type = prefix === 'stm-' ? 'steam' : 'battle';
    secret = secret.slice(prefix.length);
  }
  if (type === 'battle') [type, digits] = ['totp', 8];
  const hex = type === 'hex' || type === 'hhex' || (!/^[a-z2-7]+=*$/i.test(secret) && /^[0-9a-f]+$/i.test(secret));
  if (hex) {
    secret = fromHex(secret, 'hex secret');
    if (type === 'hex') type = 'totp';
    if (type === 'hhex') type = 'hotp';
  }
  return buildAccount({
    type,
    secret,
    algorithm: algorithmName(entry['algorithm']),
    digits,
    period: optNum(entry['period'], 'period'),
    counter: optNum(entry['counter'], 'counter'),
    issuer: optStr(entry['issuer'], 'issuer') ?? '',
    account: optStr(entry['account'], 'account') ?? '',
  });
}

async function passphraseFor(json: JsonRecord, password: string, subtle: SubtleCrypto): Promise<string> {
  const key = json['key'];
  if (!isRecord(key) || typeof key['enc'] !== 'string') return password;
  try {
    return await cryptoJsDecrypt(subtle, key['enc'], password);
  } catch (error) {
    throw wrongPassword(error);
  }
}

/** Secrets in clear (decrypted where needed); undefined marks an entry we cannot decrypt. */
async function plainSecrets(
  json: JsonRecord,
  password: string | undefined,
  subtle: SubtleCrypto,
): Promise<(string | undefined)[]> {
  const entries = entriesOf(json).map(([, e]) => e);
  if (!isAuthenticatorExtEncrypted(json)) return entries.map((e) => str(e['secret'], 'secret'));
  if (password === undefined) throw needsPassword();
  const passphrase = await passphraseFor(json, password, subtle);
  let opened = 0;
  let tried = 0;
  const secrets = await Promise.all(
    entries.map(async (e) => {
      if (e['encrypted'] !== true || typeof e['secret'] !== 'string')
        return typeof e['secret'] === 'string' ? e['secret'] : undefined;
      tried++;
      // A wrong passphrase decrypts to garbage or fails: either way no plausible secret.
      const secret = await cryptoJsDecrypt(subtle, e['secret'], passphrase).catch(() => '');
      if (!PLAUSIBLE_SECRET.test(secret)) return undefined;
      opened++;
      return secret;
    }),
  );
  if (tried > 0 && opened === 0) throw wrongPassword();
  return secrets;
}

export async function importAuthenticatorExt(
  json: JsonRecord,
  password: string | undefined,
  subtle: SubtleCrypto,
): Promise<EntriesResult> {
  const entries = entriesOf(json).map(([, e]) => e);
  const secrets = await plainSecrets(json, password, subtle);
  const nameOf = (e: JsonRecord): string => displayName(String(e['issuer'] ?? ''), String(e['account'] ?? ''));
  return collectEntries(entries, nameOf, (entry, i) => {
    const secret = secrets[i];
    if (entry['dataType'] === 'EncOTPStorage')
      throw unsupportedEntry('entry encrypted with a newer Authenticator key; export it unencrypted');
    if (secret === undefined) throw unsupportedEntry('the secret could not be decrypted');
    return toAccount(entry, secret);
  });
}
