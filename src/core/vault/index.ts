/** Public surface of the vault model (pure; see ./types for the schema). */
export {
  CURRENT_VAULT_VERSION,
  TRASH_RETENTION_MS,
  emptyVault,
  type Account,
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
  type AddContext,
  type AccountPatch,
  type Clock,
  type NewAccount,
} from './operations';
