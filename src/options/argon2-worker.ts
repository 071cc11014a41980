/**
 * Runs another app's Argon2id derivation off the options page's main thread (argon2-off-thread.ts).
 * In a page, @noble/hashes yields with `scheduler.yield()`, whose continuations run ahead of the page's
 * other tasks: an Ente export's derivation (1 GiB × 4 passes, ~40 s) froze the page, its progress
 * and its Cancel button until the end. Here it blocks nothing; Cancel ends the worker.
 */
import { argon2id, perPercent, type Argon2Params } from '../core/crypto/argon2';

export interface Argon2Job {
  password: Uint8Array;
  salt: Uint8Array;
  params: Argon2Params;
  dkLen: number;
}

export type Argon2Reply = { progress: number } | { key: Uint8Array } | { error: string };

const post = (reply: Argon2Reply, transfer: Transferable[] = []) => self.postMessage(reply, { transfer });

self.onmessage = ({ data }: MessageEvent<Argon2Job>) => {
  const onProgress = perPercent((done) => post({ progress: done }));
  argon2id(data.password, data.salt, data.params, data.dkLen, { onProgress }).then(
    (key) => post({ key }, [key.buffer]),
    // The page rejects with it (as the in-page derivation would have thrown).
    (error: unknown) => post({ error: error instanceof Error ? error.message : String(error) }),
  );
};
