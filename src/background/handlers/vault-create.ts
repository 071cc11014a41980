import type { VaultStatus } from '../../shared/protocol';
import type { Services } from './context';
import { vaultStatus } from './vault-status';

/** `vault/create`: first run; there is no unencrypted mode, so this is the only way in. */
export async function vaultCreate(services: Services, password: string): Promise<VaultStatus> {
  await services.vault.create(password);
  return vaultStatus(services);
}
