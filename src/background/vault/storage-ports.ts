import { defineItem, setTogether } from '../../platform/storage';
import { decodeBase64, encodeBase64 } from '../../core/bytes/base64';
import { calibrateIterations, pbkdf2Measure } from '../../core/crypto';
import type { VaultPorts } from './ports';

/** The sealed vault: ciphertext only (base64 of the envelope), current and previous generation. */
export const vaultCurrent = defineItem<string>('local', 'vault.current', 'never');
export const vaultPrevious = defineItem<string>('local', 'vault.previous', 'never');
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
      clear: () => sessionKey.remove(),
    },
    now: () => Date.now(),
    async iterations() {
      calibrated ??= await calibrateIterations({ measure: pbkdf2Measure(() => performance.now()) });
      return calibrated;
    },
  };
}
