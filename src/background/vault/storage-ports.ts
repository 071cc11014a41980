import { defineItem, setTogether } from '../../platform/storage';
import { decodeBase64, encodeBase64 } from '../../core/bytes/base64';
import { calibrateIterations, pbkdf2Measure } from '../../core/crypto';
import type { VaultPorts } from './ports';
import type { RestorePoint } from './restore-points';
import { storageFault } from './storage-fault';

/** The sealed vault: ciphertext only (base64 of the envelope), current and previous generation. */
export const vaultCurrent = defineItem<string>('local', 'vault.current', 'never');
export const vaultPrevious = defineItem<string>('local', 'vault.previous', 'never');
/** Restore points: sealed vault blobs (as encrypted as the vault) plus a date and a reason. */
export const vaultRestorePoints = defineItem<RestorePoint[]>('local', 'vault.restorePoints', 'never');
/** When the current blob was found damaged and the previous generation opened instead (a timestamp). */
export const vaultRecoveredAt = defineItem<number>('local', 'vault.recoveredAt', 'never');
/** The unlocked vault key: session storage (memory, trusted contexts only), removed on lock. */
export const sessionKey = defineItem<string>('session', 'session.vaultKey', 'lock');

export function storagePorts(): VaultPorts {
  let calibrated: number | null = null;
  return {
    blobs: {
      async read() {
        const [current, previous] = await Promise.all([vaultCurrent.get(), vaultPrevious.get()]);
        return { ...(current ? { current } : {}), ...(previous ? { previous } : {}) };
      },
      async write(current, previous, extra = {}) {
        const entries: Parameters<typeof setTogether>[1] = [
          [vaultCurrent, current],
          [vaultPrevious, previous ?? current],
        ];
        if (extra.points) entries.push([vaultRestorePoints, extra.points]);
        if (extra.recoveredAt !== undefined) entries.push([vaultRecoveredAt, extra.recoveredAt]);
        try {
          await setTogether('local', entries);
        } catch (error) {
          throw storageFault(error);
        }
      },
      readPoints: async () => (await vaultRestorePoints.get()) ?? [],
      async takeRecovered() {
        const at = await vaultRecoveredAt.get();
        if (at !== undefined) await vaultRecoveredAt.remove();
        return at;
      },
    },
    keys: {
      async read() {
        const stored = await sessionKey.get();
        return stored ? decodeBase64(stored) : undefined;
      },
      write: (key) => sessionKey.set(encodeBase64(key)),
      clear: () => sessionKey.remove(),
    },
    now: () => Date.now(),
    async iterations() {
      calibrated ??= await calibrateIterations({ measure: pbkdf2Measure(() => performance.now()) });
      return calibrated;
    },
  };
}
