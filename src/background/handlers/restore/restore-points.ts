import type { RestorePointView } from '../../../shared/protocol-restore';
import type { Services } from '../context';

/** `restore-points/list`: newest first; counts are read by decrypting each point (unlocked only). */
export function restorePointsList({ vault }: Services): Promise<RestorePointView[]> {
  return vault.restorePoints();
}

/** `restore-points/restore`: the vault becomes point `id`; the vault before it is kept as a new point. */
export async function restorePointsRestore({ vault }: Services, id: string): Promise<{ count: number }> {
  return { count: await vault.restore(id) };
}

/** `vault/recovery`: when the vault last opened from its previous generation (read once by the popup). */
export async function vaultRecovery({ vault }: Services): Promise<{ recoveredAt: number | null }> {
  return { recoveredAt: (await vault.takeRecovered()) ?? null };
}
