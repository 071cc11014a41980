/**
 * Restore points: sealed copies of the vault as it was before an import, a bulk change, a password
 * change or a restore. A point is a vault blob like `vault.current` (same envelope, same vault key), so
 * it is exactly as encrypted as the vault; what changed and when are not secret, the account count is
 * (it is read by decrypting the point, only while unlocked). At most MAX_RESTORE_POINTS, oldest dropped.
 */
import { openWithKey, readEnvelopeHeader, sealWithKey } from '../../core/crypto';
import { isCoreError } from '../../core/errors';
import { deserializeVault } from '../../core/vault';
import { logger } from '../../shared/logger';
import type { RestorePoint } from '../../platform/storage';
import type { RestorePointView } from '../../shared/protocol-restore';

export const MAX_RESTORE_POINTS = 10;

const log = logger('restore-points');

/** The point named is not (or no longer) kept: a newer one pushed it out, or another page restored over it. */
export class RestorePointGone extends Error {
  readonly code = 'restore/not-found';
  constructor() {
    super('This restore point no longer exists');
    this.name = 'RestorePointGone';
  }
}

export type { RestorePoint };

/** `points` with a new one for `blob` at the end, the oldest dropped beyond the limit. */
export function withPoint(points: readonly RestorePoint[], point: RestorePoint): RestorePoint[] {
  return [...points, point].slice(-MAX_RESTORE_POINTS);
}

/**
 * Password change re-keys the vault; the points follow: each is opened with the old vault key and
 * sealed again under the new one (the new blob's key section, wrapped by the new password). No point
 * kept in storage stays readable with the old password; the points it overwrote may stay in the
 * browser's storage files for a while (LevelDB keeps overwritten records until it compacts them:
 * SECURITY.md, Limitations). A point that no longer opens is dropped (and reported).
 */
export async function rekeyPoints(
  points: readonly RestorePoint[],
  oldKey: Uint8Array,
  newBlob: string,
  newKey: Uint8Array,
): Promise<RestorePoint[]> {
  const out: RestorePoint[] = [];
  for (const point of points) {
    let plaintext: Uint8Array | undefined;
    try {
      plaintext = await openWithKey(point.blob, oldKey);
      out.push({ ...point, blob: await sealWithKey(newBlob, newKey, plaintext) });
    } catch (error) {
      if (!isCoreError(error, 'vault/corrupted')) throw error;
      log.warn('dropping a restore point that does not open', point.id);
    } finally {
      plaintext?.fill(0);
    }
  }
  return out;
}

/**
 * Is `blob`'s vault key wrapped at fewer than `iterations` PBKDF2 iterations? A blob whose header does
 * not read (damaged, or written by a newer format) is left as it is: nothing here could seal it again.
 */
export async function wrappedBelow(blob: string, iterations: number): Promise<boolean> {
  try {
    return (await readEnvelopeHeader(blob)).iterations < iterations;
  } catch (error) {
    if (isCoreError(error, 'vault/corrupted') || isCoreError(error, 'vault/unsupported-version')) return false;
    throw error;
  }
}

/**
 * A re-wrap to a higher iteration count keeps the vault key, and every point wraps that same key in its
 * own key section: a point still wrapped at the old count would open the key (so the vault) for the
 * cheaper guess. Those points are sealed again under `blob`'s key section (contents unchanged); a point
 * that no longer opens is dropped, as in `rekeyPoints`. Undefined when no point is weaker than `blob`.
 */
export async function strengthenPoints(
  points: readonly RestorePoint[],
  key: Uint8Array,
  blob: string,
): Promise<RestorePoint[] | undefined> {
  const { iterations } = await readEnvelopeHeader(blob);
  const weak = await Promise.all(points.map((point) => wrappedBelow(point.blob, iterations)));
  if (!weak.includes(true)) return undefined;
  const out: RestorePoint[] = [];
  for (const [i, point] of points.entries())
    out.push(...(weak[i] ? await rekeyPoints([point], key, blob, key) : [point]));
  return out;
}

/** What the options page lists: newest first, with the account count read from each decrypted point. */
export async function describePoints(points: readonly RestorePoint[], key: Uint8Array): Promise<RestorePointView[]> {
  const views: RestorePointView[] = [];
  for (const point of [...points].reverse()) {
    let count: number | null = null;
    try {
      count = deserializeVault(await openWithKey(point.blob, key)).accounts.length;
    } catch (error) {
      if (!isCoreError(error, 'vault/corrupted')) throw error;
      log.warn('a restore point does not open', point.id);
    }
    views.push({ id: point.id, at: point.at, reason: point.reason, count });
  }
  return views;
}
