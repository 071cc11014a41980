import {
  clearOnLock,
  sessionKey,
  setTogether,
  vaultCurrent,
  vaultPrevious,
  vaultRecoveredAt,
  vaultRestorePoints,
} from '../../platform/storage';
import { decodeBase64, encodeBase64 } from '../../core/bytes/base64';
import { calibrateIterations, pbkdf2Measure } from '../../core/crypto';
import type { VaultPorts } from './ports';
import { storageFault } from './storage-fault';

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
      // Lock: the key and every other item declared clearOn 'lock' (platform/storage.ts).
      clear: () => clearOnLock(),
    },
    now: () => Date.now(),
    async iterations() {
      calibrated ??= await calibrateIterations({ measure: pbkdf2Measure(() => performance.now()) });
      return calibrated;
    },
  };
}
