/**
 * andOTP backups (andOTP app; Aegis importers/AndOtpImporter.java). Plain: a JSON array of
 * `{ secret (base32, padded), issuer, label, digits, type: TOTP|HOTP|STEAM, algorithm, period,
 * counter }`. Old exports have no `issuer`: the label is "Issuer - Name" (split on " - ").
 *
 * Encrypted (binary, no magic): iterations (u32 BE) ‖ salt (12) ‖ nonce (12) ‖ ciphertext ‖ tag
 * (16), key = PBKDF2-HMAC-SHA1(password, salt, iterations, 256 bits), AES-256-GCM. The old format
 * is nonce ‖ ciphertext ‖ tag with key = SHA-256(password). Nothing marks which one a file is, so
 * we try the new layout when its iteration count is plausible, then the old one. There is no
 * integrity check apart from the password's GCM tag: damage inside the ciphertext is reported as a
 * wrong password (only a file too short to hold the layout is reported as corrupt). Any binary file
 * detect.ts does not know lands here too, so a failure is `import/andotp-wrong-password`: "wrong
 * password, or not an andOTP backup".
 */
import { buildAccount, collectEntries, displayName } from './entry';
import { andOtpWrongPassword, corrupt, needsPassword } from './import-errors';
import { gcmOpen, pbkdf2, sha256 } from '../crypto';
import { fromUtf8, utf8 } from './file-text';
import { arr, isRecord, optNum, optStr, parseJson, rec, str } from './json-read';
import type { EntriesResult } from './types';

const SALT = 12;
const NONCE = 12;
const TAG = 16;
/** Aegis refuses more: a bigger count almost surely means "not an andOTP file". */
const MAX_ITERATIONS = 10_000_000;

/** An andOTP plain export: a JSON array of objects with `secret`, `type` and `label`. */
export function isAndOtpPlain(json: unknown): json is unknown[] {
  if (!Array.isArray(json)) return false;
  const first: unknown = json[0];
  return isRecord(first) && 'secret' in first && 'type' in first && 'label' in first;
}

function names(entry: Record<string, unknown>): { issuer: string; account: string } {
  const label = optStr(entry['label'], 'label') ?? '';
  if ('issuer' in entry) return { issuer: optStr(entry['issuer'], 'issuer') ?? '', account: label };
  const parts = label.split(' - ');
  return parts.length > 1 ? { issuer: parts[0] ?? '', account: parts[1] ?? '' } : { issuer: '', account: label };
}

export function readAndOtpEntries(json: unknown): EntriesResult {
  const nameOf = (value: unknown): string =>
    isRecord(value) ? displayName(String(value['issuer'] ?? ''), String(value['label'] ?? '')) : '';
  return collectEntries(arr(json, 'andOTP entries'), nameOf, (value) => {
    const entry = rec(value, 'entry');
    return buildAccount({
      type: str(entry['type'], 'type'),
      secret: str(entry['secret'], 'secret'),
      algorithm: optStr(entry['algorithm'], 'algorithm'),
      digits: optNum(entry['digits'], 'digits'),
      period: optNum(entry['period'], 'period'),
      counter: optNum(entry['counter'], 'counter'),
      ...names(entry),
    });
  });
}

async function openNew(subtle: SubtleCrypto, data: Uint8Array, password: string): Promise<Uint8Array> {
  const iterations = new DataView(data.buffer, data.byteOffset, 4).getUint32(0, false);
  const salt = data.subarray(4, 4 + SALT);
  const key = await pbkdf2(subtle, utf8(password), salt, iterations, 'SHA-1');
  const start = 4 + SALT;
  return gcmOpen(subtle, key, data.subarray(start, start + NONCE), data.subarray(start + NONCE));
}

async function openOld(subtle: SubtleCrypto, data: Uint8Array, password: string): Promise<Uint8Array> {
  const key = await sha256(subtle, utf8(password));
  return gcmOpen(subtle, key, data.subarray(0, NONCE), data.subarray(NONCE));
}

/** True when the first four bytes are an iteration count andOTP could have written. */
export function plausibleIterations(data: Uint8Array): boolean {
  if (data.length < 4 + SALT + NONCE + TAG) return false;
  const iterations = new DataView(data.buffer, data.byteOffset, 4).getUint32(0, false);
  return iterations >= 1 && iterations <= MAX_ITERATIONS;
}

/** Decrypts an andOTP encrypted backup (either layout) and reads its entries. */
export async function importAndOtpEncrypted(
  data: Uint8Array,
  password: string | undefined,
  subtle: SubtleCrypto,
): Promise<EntriesResult> {
  if (data.length < NONCE + TAG + 2) throw corrupt('too short for an andOTP backup');
  if (password === undefined) throw needsPassword();
  const attempts = plausibleIterations(data) ? [openNew, openOld] : [openOld];
  let failure: unknown;
  for (const attempt of attempts) {
    let plain: Uint8Array;
    try {
      plain = await attempt(subtle, data, password);
    } catch (error) {
      failure = error;
      continue;
    }
    return readAndOtpEntries(parseJson(fromUtf8(plain, 'the decrypted backup'), 'the decrypted backup'));
  }
  throw andOtpWrongPassword(failure);
}
