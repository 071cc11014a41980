import type { VaultStatus } from '../../shared/protocol';
import type { Services } from './context';
import { vaultStatus } from './vault-status';

/** `vault/unlock`: a wrong password rejects with `vault/wrong-password` and changes nothing. */
export async function vaultUnlock(services: Services, password: string): Promise<VaultStatus> {
  await services.vault.unlock(password);
  return vaultStatus(services);
}
