/** Public surface of the import/export formats (pure; see ./backup-format.md for our backup). */
export { detectFormat, importFile, MAX_IMPORT_BYTES } from './detect';
export { parseOtpauthList, exportOtpauthList } from './otpauth-list';
export {
  exportBackup,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BACKUP_MAX_ITERATIONS,
  type BackupAccount,
  type BackupOptions,
} from './backup';
export { verifyBackup, type VerifyResult } from './backup-verify';
export { exportAegisEncrypted, type AegisExportOptions } from './aegis-export';
export { AEGIS_SCRYPT, type ScryptParams } from './aegis-crypto';
export {
  FORMAT_IDS,
  ENCRYPTED_FORMATS,
  type FormatId,
  type ImportedAccount,
  type ImportOptions,
  type ImportResult,
  type SkippedEntry,
} from './types';
