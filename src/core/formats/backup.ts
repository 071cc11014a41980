/**
 * Our own encrypted backup, "clickauth-backup" version 1; the format is specified in
 * ./backup-format.md. Password-based like the vault (../crypto): PBKDF2-HMAC-SHA256 (RFC 8018
 * §5.2) → AES-256-GCM (NIST SP 800-38D), the header bound as additional data, plus an unkeyed
 * SHA-256 checksum so damage is reported as `import/corrupt`, never as a wrong password.
 */
import { encodeBase32 } from '../bytes/base32';
import { encodeBase64 } from '../bytes/base64';
import { CURRENT_MIN_ITERATIONS, passwordBytes, type CryptoDeps } from '../crypto';
import { CoreError } from '../errors';
import type { ParsedAccount } from '../otpauth-uri';
import type { BackupCode, FillOptions } from '../vault';
import { readBackupAccounts } from './backup-accounts';
import { concatBytes as concat, gcmOpen, gcmSeal, pbkdf2, resolveDeps, sha256, toHex } from '../crypto';
import { fromBase64, fromUtf8, utf8 } from './file-text';
import { corrupt, needsPassword, wrongPassword } from './import-errors';
import { isRecord, num, parseJson, rec, str, type JsonRecord } from './json-read';
import type { EntriesResult } from './types';

export const BACKUP_FORMAT = 'clickauth-backup';
export const BACKUP_VERSION = 1;
const KDF = 'PBKDF2-SHA256';
const CIPHER = 'AES-256-GCM';
/** Above this a file is hostile or broken: refuse rather than spin for minutes (= calibration's ceiling). */
export const BACKUP_MAX_ITERATIONS = 10_000_000;
const MAX_ITERATIONS = BACKUP_MAX_ITERATIONS;

/** What a backup holds per account: the code parameters plus sites, backup codes, fill options and addedOn. */
export type BackupAccount = ParsedAccount & {
  sites?: readonly string[];
  backupCodes?: readonly BackupCode[];
  fill?: FillOptions;
  /** The origin of the setup page whose QR added the account (Account.addedOn). */
  addedOn?: string;
  /** Pinned to the top of the popup's list (Account.pinned); written only when true. */
  pinned?: boolean;
};

export interface BackupOptions extends CryptoDeps {
  /**
   * PBKDF2 iterations; the export handler passes the vault's own calibrated count. Default the
   * vault's floor (OWASP 2023: 600,000); lower only in tests.
   */
  iterations?: number;
  /** Milliseconds since the epoch, recorded inside the encrypted payload. */
  now?: number;
}

interface Header {
  iterations: number;
  salt: string;
  iv: string;
}

/** The additional data: every header field, in a fixed order, as a JSON array. */
const headerAad = (h: Header): Uint8Array =>
  utf8(JSON.stringify([BACKUP_FORMAT, BACKUP_VERSION, KDF, h.iterations, h.salt, CIPHER, h.iv]));

async function checksum(subtle: SubtleCrypto, h: Header, data: string): Promise<string> {
  return toHex(await sha256(subtle, concat(headerAad(h), Uint8Array.of(0), utf8(data))));
}

export const isBackup = (json: unknown): json is JsonRecord => isRecord(json) && json['format'] === BACKUP_FORMAT;

/** Encrypts accounts (with their sites and backup codes) into the backup's JSON text. */
export async function exportBackup(
  accounts: readonly BackupAccount[],
  password: string,
  options: BackupOptions = {},
): Promise<string> {
  const { subtle, random } = resolveDeps(options);
  const iterations = options.iterations ?? CURRENT_MIN_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new CoreError('otp/bad-params', 'Iterations must be an integer from 1 to 10,000,000');
  }
  const header: Header = { iterations, salt: encodeBase64(random(16)), iv: encodeBase64(random(12)) };
  const payload = {
    exportedAt: options.now ?? Date.now(),
    accounts: accounts.map((a) => ({
      type: a.type,
      issuer: a.issuer,
      account: a.account,
      secret: encodeBase32(a.secret),
      algorithm: a.algorithm,
      digits: a.digits,
      period: a.period,
      counter: a.counter,
      sites: [...(a.sites ?? [])],
      backupCodes: (a.backupCodes ?? []).map((c) => ({ code: c.code, used: c.used })),
      ...(a.fill
        ? { fill: { submitOn: [...a.fill.submitOn], appendOn: [...a.fill.appendOn], exactOrigin: a.fill.exactOrigin } }
        : {}),
      ...(a.addedOn !== undefined && { addedOn: a.addedOn }),
      ...(a.pinned === true && { pinned: true }),
    })),
  };
  const key = await pbkdf2(subtle, passwordBytes(password), fromBase64(header.salt, 'salt'), iterations, 'SHA-256');
  const sealed = await gcmSeal(
    subtle,
    key,
    fromBase64(header.iv, 'iv'),
    utf8(JSON.stringify(payload)),
    headerAad(header),
  );
  const data = encodeBase64(sealed);
  const file = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    kdf: { name: KDF, iterations, salt: header.salt },
    cipher: { name: CIPHER, iv: header.iv },
    data,
  };
  return JSON.stringify({ ...file, checksum: await checksum(subtle, header, data) }, null, 2);
}

function readHeader(json: JsonRecord): Header {
  const version = json['version'];
  if (version !== BACKUP_VERSION)
    throw new CoreError(
      'import/unsupported-version',
      `Backup version ${typeof version === 'number' ? version : typeof version} is not supported`,
      'data',
    );
  const kdf = rec(json['kdf'], 'kdf');
  const cipher = rec(json['cipher'], 'cipher');
  if (kdf['name'] !== KDF || cipher['name'] !== CIPHER) throw corrupt('unknown kdf or cipher');
  const iterations = num(kdf['iterations'], 'kdf.iterations');
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS)
    throw corrupt('implausible iteration count');
  return { iterations, salt: str(kdf['salt'], 'kdf.salt'), iv: str(cipher['iv'], 'cipher.iv') };
}

/** Checks, decrypts and reads a parsed backup. */
export async function importBackup(
  json: JsonRecord,
  password: string | undefined,
  subtle: SubtleCrypto,
): Promise<EntriesResult> {
  const header = readHeader(json);
  const data = str(json['data'], 'data');
  if ((await checksum(subtle, header, data)) !== json['checksum']) throw corrupt('checksum mismatch');
  if (password === undefined) throw needsPassword();
  const key = await pbkdf2(
    subtle,
    passwordBytes(password),
    fromBase64(header.salt, 'salt'),
    header.iterations,
    'SHA-256',
  );
  // Read before the decryption: a damaged IV or payload is a damaged file, not a wrong password
  // (the checksum is not keyed, so a crafted file passes it).
  const iv = fromBase64(header.iv, 'iv');
  const sealed = fromBase64(data, 'data');
  if (iv.length !== 12) throw corrupt('the IV is not 12 bytes');
  if (sealed.length < 16) throw corrupt('the payload is shorter than its tag');
  let plain: Uint8Array;
  try {
    plain = await gcmOpen(subtle, key, iv, sealed, headerAad(header));
  } catch (cause) {
    throw wrongPassword(cause);
  }
  return readBackupAccounts(parseJson(fromUtf8(plain, 'the backup payload'), 'the backup payload'));
}
