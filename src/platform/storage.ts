/**
 * Every stored item is declared once, here, with its area and lifetime (ARCHITECTURE.md rule 4).
 *
 * - `local` survives browser restarts. It holds only ciphertext (the sealed vault, two generations)
 *   and non-identifying settings: no issuer, label, site or secret is ever written in the clear.
 * - `session` lives in memory until the browser closes, and is readable only by trusted contexts
 *   (extension pages and the service worker, never content scripts: `setAccessLevel` below). It holds
 *   the unlocked vault key so a service-worker restart does not lock the user out; lock clears it.
 */
import { browser } from './browser';

export type Area = 'local' | 'session';
export type ClearOn = 'never' | 'lock';

export interface StorageItem<T> {
  readonly area: Area;
  readonly key: string;
  readonly clearOn: ClearOn;
  get(): Promise<T | undefined>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
}

const areaOf = (area: Area) => (area === 'local' ? browser.storage.local : browser.storage.session);

export function defineItem<T>(area: Area, key: string, clearOn: ClearOn): StorageItem<T> {
  return {
    area,
    key,
    clearOn,
    async get() {
      const found = await areaOf(area).get(key);
      return found[key] as T | undefined;
    },
    set: (value) => areaOf(area).set({ [key]: value }),
    remove: () => areaOf(area).remove(key),
  };
}

/** Several items of one area in ONE storage call, so they are written together or not at all. */
export async function setTogether(area: Area, entries: [StorageItem<unknown>, unknown][]): Promise<void> {
  const record: Record<string, unknown> = {};
  for (const [item, value] of entries) {
    if (item.area !== area) throw new Error(`${item.key} is not in ${area} storage`);
    record[item.key] = value;
  }
  await areaOf(area).set(record);
}

/**
 * Keep `storage.session` away from content scripts (Chrome's default, made explicit). Firefox has no
 * setAccessLevel (Mozilla bug 1724754) and never exposes storage.session to content scripts
 * (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/storage/session), so there
 * the call is skipped and the default is already what we want.
 */
export async function restrictSessionStorage(): Promise<void> {
  const session = (globalThis as { chrome?: { storage?: { session?: { setAccessLevel?: (o: object) => Promise<void> } } } })
    .chrome?.storage?.session;
  await session?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}
