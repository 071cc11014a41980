/** Public surface of the vault model (pure; see ./types for the schema). */
export {
  CURRENT_VAULT_VERSION,
  TRASH_RETENTION_MS,
  emptyVault,
  DEFAULT_FILL_OPTIONS,
  MAX_STORED_BACKUP_CODES,
  MAX_BACKUP_CODE_LENGTH,
  type Account,
  type FillOptions,
  type BackupCode,
  type TrashEntry,
  type VaultData,
} from './types';
export { MIGRATIONS, migrate, type Migration, type VersionedDoc } from './migrations';
export { serializeVault, deserializeVault } from './serialize';
export {
  addAccount,
  updateAccount,
  deleteAccount,
  restoreAccount,
  purgeTrash,
  listAccounts,
  findDuplicate,
  duplicateKey,
  type AddContext,
  type AccountPatch,
  type Clock,
  type NewAccount,
} from './operations';
export { batchEdit, type VaultBatch } from './batch';
export { cleanName } from './names';
export { keepHigherCounters } from './counters';
export { duplicateGain, withGain, type DuplicateGain } from './duplicate-gain';
export { reenrolledAt, keptBeside, replacing, sameNameOtherKey, withSitesOf } from './reenroll';
