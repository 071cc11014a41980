/**
 * Decrypted imports waiting for their commit, in service-worker memory only. The preview decrypts
 * the file once (the password is asked once, the KDF runs once); the commit names the preview by its
 * random id and reuses the result. An entry is secret (it holds the file's keys), so it lives
 * briefly: it expires after `ttlMs`, is dropped after its commit, and every entry is dropped when the
 * vault locks. A service-worker restart loses them too: the commit then fails with `import/expired`
 * and the user picks the file again.
 */
import type { ImportResult } from '../../../core/formats';
import { BackgroundError } from '../../errors';
import { ImportExportError } from './errors';

export const PENDING_IMPORT_TTL_MS = 10 * 60_000;
/** A few previews side by side (two options tabs); older ones are dropped first. */
const MAX_PENDING = 4;

export interface PendingImports {
  /** Changes whenever everything is dropped (lock): a preview that began before must not be kept. */
  epoch(): number;
  /** Keeps `result` and returns its id; refuses (`vault/locked`) if the vault locked since `epoch`. */
  put(result: ImportResult, epoch: number): string;
  /** The result a preview kept; `import/expired` when unknown, expired or dropped. */
  get(id: string): ImportResult;
  drop(id: string): void;
  clear(): void;
}

export interface PendingOptions {
  now?: () => number;
  ttlMs?: number;
  newId?: () => string;
  /** Drops an entry when it expires, so it does not wait in memory for the next access. */
  schedule?: (run: () => void, ms: number) => void;
  /** Drops everything when this (the vault) locks: decrypted files are forgotten with the key. */
  clearOn?: { onLock(listener: () => void): void };
}

export function pendingImports(options: PendingOptions = {}): PendingImports {
  const {
    now = () => Date.now(),
    ttlMs = PENDING_IMPORT_TTL_MS,
    newId = () => globalThis.crypto.randomUUID(),
    schedule = (run, ms) => void setTimeout(run, ms),
  } = options;
  const entries = new Map<string, { result: ImportResult; expires: number }>();
  let epoch = 0;

  const prune = () => {
    for (const [id, entry] of entries) if (entry.expires <= now()) entries.delete(id);
  };

  const pending: PendingImports = {
    epoch: () => epoch,
    put(result, since) {
      if (since !== epoch) throw new BackgroundError('vault/locked', 'The vault was locked during the preview');
      prune();
      while (entries.size >= MAX_PENDING) entries.delete(entries.keys().next().value as string);
      const id = newId();
      entries.set(id, { result, expires: now() + ttlMs });
      schedule(prune, ttlMs + 1);
      return id;
    },
    get(id) {
      prune();
      const entry = entries.get(id);
      if (!entry) throw new ImportExportError('import/expired', 'This preview has expired; choose the file again');
      return entry.result;
    },
    drop: (id) => void entries.delete(id),
    clear() {
      entries.clear();
      epoch++;
    },
  };
  options.clearOn?.onLock(() => pending.clear());
  return pending;
}
