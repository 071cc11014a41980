import { clearOnLock, sessionKey, setTogether, vaultCurrent, vaultPrevious } from '../../platform/storage';
import { decodeBase64, encodeBase64 } from '../../core/bytes/base64';
import { calibrateIterations, pbkdf2Measure } from '../../core/crypto';
import type { VaultPorts } from './ports';

export function storagePorts(): VaultPorts {
  let calibrated: number | null = null;
  return {
    blobs: {
      async read() {
        const [current, previous] = await Promise.all([vaultCurrent.get(), vaultPrevious.get()]);
        return { ...(current ? { current } : {}), ...(previous ? { previous } : {}) };
      },
      async write(current, previous) {
        await setTogether('local', [
          [vaultCurrent, current],
          [vaultPrevious, previous ?? current],
        ]);
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
