/**
 * A map of short-lived grants kept in session storage as well as in memory, so that a service-worker
 * restart does not drop them: Chrome stops a worker after 30 s without an event, and Firefox unloads an
 * idle event page, between two rollovers of a field the page keeps current (content/fill/keep-fresh.ts).
 * Before, the new worker knew no grant, and a field the user filled by a pick or a popup click kept its
 * expired code. Memory stays the truth while the worker lives: every change is written after it (one
 * write at a time, in order), and a new worker reads the saved entries once, before its first use
 * (`ready`), dropping the ones that expired. Session storage is memory only and readable by trusted
 * contexts only (platform/storage.ts); the items are `clearOn: 'lock'`, and a lock empties the map too.
 */
import type { StorageItem } from '../../platform/storage';
import { logger } from '../../shared/logger';

const log = logger('saved-map');

export interface SavedMap<V extends { expires: number }> {
  /** The entries; change them only after `ready()`, then call `save()`. */
  readonly map: Map<string, V>;
  /** Resolves once the entries a previous worker saved are in `map` (read once per worker). */
  ready(): Promise<void>;
  /** Writes `map` as it is now (after the writes before it); resolves when written. Never rejects. */
  save(): Promise<void>;
  /** Empties the map and its stored copy (the vault locked). */
  clear(): Promise<void>;
}

export function savedMap<V extends { expires: number }>(item: StorageItem<Record<string, V>>): SavedMap<V> {
  const map = new Map<string, V>();
  let restored: Promise<void> | null = null;
  let writes: Promise<void> = Promise.resolve();
  const ready = () =>
    (restored ??= item.get().then(
      (saved) => {
        const now = Date.now();
        for (const [key, value] of Object.entries(saved ?? {}))
          if (!map.has(key) && typeof value?.expires === 'number' && value.expires >= now) map.set(key, value);
      },
      // Unreadable: the grants a previous worker gave are lost (the user clicks again), nothing else.
      (error: unknown) => log.error('read', error),
    ));
  const write = (run: () => Promise<void>) =>
    (writes = writes
      .then(ready)
      .then(run)
      .catch((error: unknown) => log.error('write', error)));
  // Memory as it is (its owner drops what expired, on its own clock); an empty map removes the item.
  const save = () => write(() => (map.size ? item.set(Object.fromEntries(map)) : item.remove()));
  const clear = () => {
    map.clear();
    return write(() => item.remove());
  };
  return { map, ready, save, clear };
}
