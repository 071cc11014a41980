/**
 * Recognises an import file by its content (never its name) and dispatches to the format's
 * importer. Order of checks: size → binary or text → JSON shape → text shape. A file that starts
 * like JSON but does not parse is `import/corrupt` (usually a truncated download), anything we
 * do not know is `import/unrecognized`.
 */
import { bytesAsText } from '../bytes/text';
import { CoreError } from '../errors';
import { importAegis, isAegisEncrypted, isAegisVault } from './aegis';
import { importAndOtpEncrypted, isAndOtpPlain, readAndOtpEntries } from './andotp';
import { importAuthenticatorExt, isAuthenticatorExt, isAuthenticatorExtEncrypted } from './authenticator-ext';
import { importBackup, isBackup } from './backup';
import { importBitwardenCsv, importBitwardenJson, isBitwardenCsv, isBitwardenJson } from './bitwarden';
import { csvRecords } from './csv';
import { flagDuplicates } from './duplicates';
import { corrupt, unrecognized } from './import-errors';
import { isRecord } from './json-read';
import { looksLikeEnte, looksLikeOtpauthList, parseOtpauthList } from './otpauth-list';
import { importProton, isProtonAuthenticator } from './proton';
import { importTwoFas, isTwoFas, isTwoFasEncrypted } from './twofas';
import type { EntriesResult, FormatId, ImportOptions, ImportResult } from './types';

/** Largest file we parse: real exports of a few hundred accounts are well under 1 MB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * Magic numbers (at offset 0 unless `at`) of binary files people pick by mistake. An encrypted
 * andOTP backup has no magic of its own, so any other binary file was taken for one and got a
 * password prompt, then "wrong password" (a KeePass database, a 7-Zip archive, a song). Each entry
 * is at least 3 bytes (gzip's 2 were already here) so that an andOTP file's random first bytes
 * rarely match: new-layout files start with 0x00 (the iteration count), old ones with a nonce.
 */
const FOREIGN_MAGIC: readonly { bytes: readonly number[]; at?: number }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47] }, // PNG
  { bytes: [0xff, 0xd8, 0xff] }, // JPEG
  { bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF
  { bytes: [0x50, 0x4b, 0x03, 0x04] }, // ZIP (also docx, xlsx, apk, jar)
  { bytes: [0x50, 0x4b, 0x05, 0x06] }, // empty ZIP
  { bytes: [0x25, 0x50, 0x44, 0x46] }, // PDF
  { bytes: [0x1f, 0x8b] }, // gzip
  { bytes: [0x03, 0xd9, 0xa2, 0x9a] }, // KeePass .kdb / .kdbx
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] }, // 7-Zip
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] }, // RAR
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] }, // xz
  { bytes: [0x42, 0x5a, 0x68] }, // bzip2
  { bytes: [0x28, 0xb5, 0x2f, 0xfd] }, // Zstandard
  { bytes: [...'SQLite format 3'].map((c) => c.charCodeAt(0)) }, // SQLite
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }, // OLE: doc, xls, msi
  { bytes: [0x49, 0x44, 0x33] }, // MP3 with an ID3 tag
  { bytes: [0x4f, 0x67, 0x67, 0x53] }, // OGG
  { bytes: [0x66, 0x4c, 0x61, 0x43] }, // FLAC
  { bytes: [0x52, 0x49, 0x46, 0x46] }, // RIFF: WAV, AVI, WebP
  { bytes: [0x66, 0x74, 0x79, 0x70], at: 4 }, // MP4, MOV, HEIC, AVIF ("ftyp" box)
  { bytes: [0x49, 0x49, 0x2a, 0x00] }, // TIFF, little-endian
  { bytes: [0x4d, 0x4d, 0x00, 0x2a] }, // TIFF, big-endian
  { bytes: [0x7f, 0x45, 0x4c, 0x46] }, // ELF
  { bytes: [0xcf, 0xfa, 0xed, 0xfe] }, // Mach-O 64-bit
  { bytes: [0xca, 0xfe, 0xba, 0xbe] }, // Mach-O universal, Java class
];

/** A Windows executable: "MZ", and at the offset stored at 0x3c, "PE\0\0" (2 bytes alone match too often). */
function isPortableExecutable(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x4d || bytes[1] !== 0x5a || bytes.length < 0x40) return false;
  const at = new DataView(bytes.buffer, bytes.byteOffset + 0x3c, 4).getUint32(0, true);
  return at + 4 <= bytes.length && [0x50, 0x45, 0, 0].every((byte, i) => bytes[at + i] === byte);
}

function isForeignBinary(bytes: Uint8Array): boolean {
  return (
    FOREIGN_MAGIC.some(({ bytes: magic, at = 0 }) => magic.every((byte, i) => bytes[at + i] === byte)) ||
    isPortableExecutable(bytes)
  );
}

type Sniffed = { format: 'andotp-encrypted'; bytes: Uint8Array } | { format: FormatId; text: string; json?: unknown };

function checkSize(input: Uint8Array | string): void {
  const tooLarge = () =>
    new CoreError('import/too-large', `Files over ${MAX_IMPORT_BYTES / 1024 / 1024} MB are not imported`, 'data');
  if (typeof input !== 'string') {
    if (input.length > MAX_IMPORT_BYTES) throw tooLarge();
  } else if (
    input.length > MAX_IMPORT_BYTES ||
    (input.length * 3 > MAX_IMPORT_BYTES && new TextEncoder().encode(input).length > MAX_IMPORT_BYTES)
  ) {
    throw tooLarge();
  }
}

function jsonFormat(json: unknown): FormatId {
  if (isBackup(json)) return 'clickauth-backup';
  if (isAegisVault(json)) return isAegisEncrypted(json) ? 'aegis-encrypted' : 'aegis';
  if (isTwoFas(json)) return isTwoFasEncrypted(json) ? 'twofas-encrypted' : 'twofas';
  if (isBitwardenJson(json)) return 'bitwarden-json';
  if (isProtonAuthenticator(json)) return 'proton-authenticator';
  if (isAndOtpPlain(json)) return 'andotp';
  if (isAuthenticatorExt(json))
    return isAuthenticatorExtEncrypted(json) ? 'authenticator-ext-encrypted' : 'authenticator-ext';
  throw unrecognized('This JSON file is not an export format we know');
}

function sniff(input: Uint8Array | string): Sniffed {
  checkSize(input);
  const text = typeof input === 'string' ? input : bytesAsText(input);
  if (text === undefined) {
    const bytes = input as Uint8Array;
    if (isForeignBinary(bytes) || bytes.length < 16) throw unrecognized();
    return { format: 'andotp-encrypted', bytes };
  }
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (cause) {
      throw corrupt('the file looks like JSON but does not parse (truncated?)', cause);
    }
    return { format: jsonFormat(json), text: trimmed, json };
  }
  if (looksLikeOtpauthList(trimmed))
    return { format: looksLikeEnte(trimmed) ? 'ente-auth' : 'otpauth-list', text: trimmed };
  const firstLine = trimmed.slice(0, trimmed.search(/\r?\n|$/));
  if (isBitwardenCsv(csvHeader(firstLine))) return { format: 'bitwarden-csv', text: trimmed };
  throw unrecognized();
}

/** The CSV header a first line would be; none when it is not CSV (a quote never closed: just text). */
function csvHeader(firstLine: string): string[] {
  try {
    return csvRecords(firstLine).header;
  } catch {
    return []; // not CSV at all: the file is no format we know, not a damaged one
  }
}

/** The format of a file, by content; throws `import/too-large`, `import/corrupt` or `import/unrecognized`. */
export function detectFormat(input: Uint8Array | string): FormatId {
  return sniff(input).format;
}

async function dispatch(file: Sniffed, options: ImportOptions, subtle: SubtleCrypto): Promise<EntriesResult> {
  const { password } = options;
  if ('bytes' in file) return importAndOtpEncrypted(file.bytes, password, subtle);
  const json = isRecord(file.json) ? file.json : {};
  switch (file.format) {
    case 'otpauth-list':
    case 'ente-auth':
      return parseOtpauthList(file.text);
    case 'bitwarden-csv':
      return importBitwardenCsv(file.text);
    case 'andotp':
      return readAndOtpEntries(file.json);
    case 'aegis':
    case 'aegis-encrypted':
      return importAegis(json as Parameters<typeof importAegis>[0], password, subtle);
    case 'twofas':
    case 'twofas-encrypted':
      return importTwoFas(json, password, subtle);
    case 'bitwarden-json':
      return importBitwardenJson(json);
    case 'proton-authenticator':
      return importProton(json);
    case 'authenticator-ext':
    case 'authenticator-ext-encrypted':
      return importAuthenticatorExt(json, password, subtle);
    case 'clickauth-backup':
      return importBackup(json, password, subtle);
    case 'andotp-encrypted':
      throw unrecognized();
  }
}

/**
 * Detects and imports a file. Encrypted formats without `password` throw `import/needs-password`
 * (the UI then asks), a wrong one `import/wrong-password`; damage is `import/corrupt`. Entries
 * we cannot use, and repeats of an earlier entry, are listed in `skipped` (see ./duplicates.ts).
 */
export async function importFile(input: Uint8Array | string, options: ImportOptions = {}): Promise<ImportResult> {
  const file = sniff(input);
  const subtle = options.subtle ?? globalThis.crypto.subtle;
  const result = flagDuplicates(await dispatch(file, options, subtle));
  return { format: file.format, ...result };
}
