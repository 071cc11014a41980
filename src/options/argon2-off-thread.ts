/**
 * Argon2id for the options page, in a worker (argon2-worker.ts says why): an `Argon2Fn` that the
 * peer-export readers take, with the page's progress and Cancel (`Argon2Watch`). A page where the
 * worker cannot start runs the derivation itself, as before, so an export still opens.
 */
import { argon2id, type Argon2Fn, type Argon2Watch } from '../core/crypto/argon2';

// For the page, with this module (loaded on demand): a static import would put Argon2 in the page's chunk.
export { perPercent } from '../core/crypto/argon2';
import type { Argon2Job, Argon2Reply } from './argon2-worker';

export function argon2OffThread(watch: Argon2Watch): Argon2Fn {
  const { onProgress, signal } = watch;
  return (password, salt, params, dkLen = 32) =>
    new Promise<Uint8Array>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      let worker: Worker;
      try {
        worker = new Worker(new URL('./argon2-worker.ts', import.meta.url), { type: 'module' });
      } catch {
        // No worker here (a restricted page): derived in the page, as before.
        return resolve(argon2id(password, salt, params, dkLen, watch));
      }
      let heard = false;
      const end = () => {
        worker.terminate();
        signal?.removeEventListener('abort', cancel);
      };
      const cancel = () => {
        end();
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', cancel, { once: true });
      worker.onmessage = ({ data }: MessageEvent<Argon2Reply>) => {
        heard = true;
        if ('progress' in data) return onProgress?.(data.progress);
        end();
        if ('key' in data) resolve(data.key);
        else reject(new Error(data.error));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        end();
        // The worker's script did not load: derived in the page instead. Failing after it started: an error.
        if (!heard) resolve(argon2id(password, salt, params, dkLen, watch));
        else reject(new Error(event.message || 'The key derivation failed'));
      };
      const job: Argon2Job = { password, salt, params, dkLen };
      worker.postMessage(job);
    });
}
