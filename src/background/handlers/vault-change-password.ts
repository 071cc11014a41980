import type { VaultStatus } from '../../shared/protocol';
import type { Services } from './context';
import { vaultStatus } from './vault-status';

/** `vault/change-password`: a new vault key under the new password; accounts, ids and trash are untouched. */
export async function vaultChangePassword(
  services: Services,
  oldPassword: string,
  newPassword: string,
): Promise<VaultStatus> {
  await services.vault.changePassword(oldPassword, newPassword);
  return vaultStatus(services);
}
