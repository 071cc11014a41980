/**
 * A map of short-lived grants kept in session storage as well as in memory, so that a service-worker
 * restart does not drop them: Chrome stops a worker after 30 s without an event, and Firefox unloads an
 * idle event page, between two rollovers of a field the page keeps current (content/fill/keep-fresh.ts).
 * Before, the new worker knew no grant, and a field the user filled by a pick or a popup click kept its
 * expired code. Memory stays the truth while the worker lives: every change is written after it (one
 * write at a time, in order; changes made while a write waits share the next one), and a new worker
 * reads the saved entries once, before its first use (`ready`), dropping the ones that expired. The
 * entries are stored as a list in the order they were added (a storage area may give an object's keys
 * back sorted), so "the oldest" means the same in the next worker. Session storage is memory only and
 * readable by trusted contexts only (platform/storage.ts); the items are `clearOn: 'lock'`, and a lock
 * empties the map too.
 */
import type { StorageItem } from '../../platform/storage';
import { logger } from '../../shared/logger';

const log = logger('saved-map');

export interface SavedMap<V extends { expires: number }> {
  /** The entries; change them only after `ready()`, then call `save()`. */
  readonly map: Map<string, V>;
  /** Resolves once the entries a previous worker saved are in `map` (read once per worker). */
  ready(): Promise<void>;
  /**
   * Writes `map` as it is when the write runs (after the writes before it); resolves when written.
   * Never rejects. Await it before a code goes out for a grant just used up: a worker stopped then
   * must not find that grant again.
   */
  save(): Promise<void>;
  /** Resolves once the last change saved (the last `save()`) is written. Never rejects. */
  written(): Promise<void>;
  /** Empties the map and its stored copy (the vault locked). */
  clear(): Promise<void>;
}

/**
 * `keep`: which entries are written (the rest live in this worker's memory only: an entry that must
 * not outlive it, or not reach storage at all).
 */
export function savedMap<V extends { expires: number }>(
  item: StorageItem<[string, V][]>,
  keep: (value: V) => boolean = () => true,
): SavedMap<V> {
  const map = new Map<string, V>();
  let restored: Promise<void> | null = null;
  let writes: Promise<void> = Promise.resolve();
  /** The write queued and not started yet: a change made now is in it too. */
  let queued: Promise<void> | null = null;
  /** The last save's write. */
  let last: Promise<void> = Promise.resolve();
  const write = (run: () => Promise<void>) =>
    (writes = writes.then(run).catch((error: unknown) => log.error('write', error)));
  // Memory as it is (its owner drops what expired, on its own clock); nothing to keep removes the item.
  // After the saved entries are read (a save must not write over what a previous worker left).
  const save = () =>
    (last = queued ??=
      write(() =>
        ready().then(() => {
          queued = null;
          const entries = [...map].filter(([, value]) => keep(value));
          return entries.length ? item.set(entries) : item.remove();
        }),
      ));
  const ready = () =>
    (restored ??= item.get().then(
      (saved) => {
        const now = Date.now();
        let dropped = false;
        for (const entry of Array.isArray(saved) ? saved : []) {
          const [key, value] = Array.isArray(entry) ? entry : [];
          const live = typeof key === 'string' && typeof value?.expires === 'number' && value.expires >= now;
          if (live && !map.has(key)) map.set(key, value);
          dropped ||= !live;
        }
        // What expired while no worker ran leaves storage too.
        if (dropped) void save();
      },
      // Unreadable: the grants a previous worker gave are lost (the user clicks again), nothing else.
      (error: unknown) => log.error('read', error),
    ));
  const clear = () => {
    // Nothing saved before is wanted any more: not read back into the map after this.
    restored ??= Promise.resolve();
    map.clear();
    return write(() => item.remove());
  };
  return { map, ready, save, written: () => last, clear };
}
