import {
  clearOnLock,
  onItemsChanged,
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
  // The sealed vault as last read (ciphertext only): reading a 1000-account vault's two generations
  // took 32–45 ms, the largest part of an unlock after the KDF (issue 16), and the popup's opening had
  // just read them to learn whether there is a vault. Any change to them (our writes, another context
  // writing storage) drops it; a read that fails is not kept. The worker listens for changes only while
  // it keeps a read: our own writes drop it first, so their events (the old and new blobs) are not sent
  // to the worker at all.
  let sealed: Promise<{ current?: string; previous?: string }> | null = null;
  let stopListening: (() => void) | null = null;
  const forget = () => {
    sealed = null;
    stopListening?.();
    stopListening = null;
  };
  return {
    blobs: {
      read() {
        if (!sealed) {
          // Listening from before the read: a change while it runs drops it too.
          stopListening ??= onItemsChanged([vaultCurrent, vaultPrevious], forget);
          const pending = Promise.all([vaultCurrent.get(), vaultPrevious.get()]).then(([current, previous]) => ({
            ...(current ? { current } : {}),
            ...(previous ? { previous } : {}),
          }));
          // The caller gets the failure through `pending`; only the cache lets go of it.
          pending.catch(() => sealed === pending && forget());
          sealed = pending;
        }
        return sealed;
      },
      async write(current, previous, extra = {}) {
        forget();
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
        } finally {
          // A read that ran during the write may hold either pair.
          forget();
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
