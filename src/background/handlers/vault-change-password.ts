import type { VaultStatus } from '../../shared/protocol';
import type { Services } from './context';
import { vaultStatus } from './vault-status';

/** `vault/change-password`: re-wraps the vault key only; accounts and ids are untouched. */
export async function vaultChangePassword(services: Services, oldPassword: string, newPassword: string): Promise<VaultStatus> {
  await services.vault.changePassword(oldPassword, newPassword);
  return vaultStatus(services);
}
