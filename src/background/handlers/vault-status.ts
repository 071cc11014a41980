import type { VaultStatus } from '../../shared/protocol';
import type { Services } from './context';

/** `vault/status`: empty (first run), locked or unlocked. */
export async function vaultStatus({ vault }: Services): Promise<VaultStatus> {
  return { state: await vault.state() };
}
