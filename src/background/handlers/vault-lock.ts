import type { VaultStatus } from '../../shared/protocol';
import type { Services } from './context';
import { vaultStatus } from './vault-status';

/** `vault/lock`: forget the key in memory and in session storage. */
export async function vaultLock(services: Services): Promise<VaultStatus> {
  await services.vault.lock();
  return vaultStatus(services);
}
