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

import type { Settings } from '../shared/protocol';
import type { RestoreReason } from '../shared/protocol-restore';
import type { ClockSample } from '../core/clock';
import { logger } from '../shared/logger';

const log = logger('storage');

export type Area = 'local' | 'session';
/** When an item is removed for the user: `lock` items go when the vault locks (clearOnLock below). */
export type ClearOn = 'never' | 'lock';

export interface StorageItem<T> {
  readonly area: Area;
  readonly key: string;
  readonly clearOn: ClearOn;
  get(): Promise<T | undefined>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
}

/** The part of a storage area used here (extension storage, or a Map-backed fake in tests). */
export interface AreaLike {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}
export type Areas = Record<Area, AreaLike>;

/** Read lazily: importing this file touches no extension API (a unit test passes its own areas). */
const extensionAreas = (): Areas => ({ local: browser.storage.local, session: browser.storage.session });

export function defineItem<T>(
  area: Area,
  key: string,
  clearOn: ClearOn,
  areas: () => Areas = extensionAreas,
): StorageItem<T> {
  const store = () => areas()[area];
  return {
    area,
    key,
    clearOn,
    async get() {
      const found = await store().get(key);
      return found[key] as T | undefined;
    },
    set: (value) => store().set({ [key]: value }),
    remove: () => store().remove(key),
  };
}

/**
 * `item` remembered after its first read, for an item that only the service worker writes and only
 * through this object (settings: the settings/set handler): each read was a round trip to the
 * browser's storage, and the popup's first answer waited for one (issue 16). Writes forget it before
 * and after they run; a read that fails is not kept. A new worker reads it again.
 */
export function rememberedItem<T>(item: StorageItem<T>): StorageItem<T> {
  let read: Promise<T | undefined> | null = null;
  const forget = () => (read = null);
  const write = async (run: () => Promise<void>) => {
    forget();
    try {
      await run();
    } finally {
      forget();
    }
  };
  return {
    area: item.area,
    key: item.key,
    clearOn: item.clearOn,
    get() {
      if (!read) {
        const pending = item.get();
        // The caller gets the failure through `pending`; only the memory lets go of it.
        pending.catch(() => read === pending && forget());
        read = pending;
      }
      return read;
    },
    set: (value) => write(() => item.set(value)),
    remove: () => write(() => item.remove()),
  };
}

type ChangeListener = (changes: Record<string, unknown>, area: string) => void;

/** A change to stored items, from any extension context (storage.onChanged, or a fake in tests). */
export interface StorageChanges {
  addListener(listener: ChangeListener): void;
  removeListener(listener: ChangeListener): void;
}

/**
 * Calls `listener` after any change to one of `items`, made by any context of the extension; returns
 * the call that stops listening. Each event carries the changed items' old and new values, so listen
 * only while it matters (a 1000-account vault's write is ~4 MB of them).
 */
export function onItemsChanged(
  items: readonly StorageItem<unknown>[],
  listener: () => void,
  changes: StorageChanges = browser.storage.onChanged,
): () => void {
  const onChanged: ChangeListener = (changed, area) => {
    if (items.some((item) => item.area === area && Object.hasOwn(changed, item.key))) listener();
  };
  changes.addListener(onChanged);
  return () => changes.removeListener(onChanged);
}

/** The most recent import, so it can be undone (account ids are opaque random UUIDs). */
export interface LastImport {
  importId: string;
  ids: string[];
  /** Accounts this import replaced (moved to the trash): undo brings them back. */
  replaced?: string[];
}

/**
 * When the user last exported a backup: the time only. A count of the accounts it held would tell anyone
 * reading the profile how many accounts the vault has (as the restore points' counts, it is not stored in
 * the clear); earlier versions stored one here,
 * which the next read drops (import-export/stores.ts `lastBackupAt`).
 */
export interface LastBackup {
  at: number;
}

/** A restore point: the sealed vault before a bulk change, with a date and a reason (neither secret). */
export interface RestorePoint {
  id: string;
  at: number;
  reason: RestoreReason;
  /** The sealed vault before the change (base64 envelope, under the current vault key). */
  blob: string;
}

/** Preferences: no issuer, label, site or secret. */
export const settingsItem = defineItem<Settings>('local', 'settings', 'never');
/** The sealed vault: ciphertext only (base64 of the envelope), current and previous generation. */
export const vaultCurrent = defineItem<string>('local', 'vault.current', 'never');
export const vaultPrevious = defineItem<string>('local', 'vault.previous', 'never');
/** Restore points: sealed vault blobs (as encrypted as the vault), written in the vault's own storage call. */
export const vaultRestorePoints = defineItem<RestorePoint[]>('local', 'vault.restorePoints', 'never');
/** When the current blob was found damaged and the previous generation opened instead (a timestamp). */
export const vaultRecoveredAt = defineItem<number>('local', 'vault.recoveredAt', 'never');
/** The unlocked vault key: session storage (memory, trusted contexts only), removed on lock. */
export const sessionKey = defineItem<string>('session', 'session.vaultKey', 'lock');
/**
 * The code just copied, until the clipboard is cleared (30 s) or the vault locks. Not `clearOn: 'lock'`:
 * the lock removes the session key before its listeners run, and the clipboard's listener must still read
 * this code to clear it (background/clipboard-clear.ts removes it then).
 */
export const clipboardPending = defineItem<string>('session', 'clipboard.pending', 'never');
/** The most recent import, for undo: session only (gone when the browser closes). */
export const lastImportItem = defineItem<LastImport>('session', 'lastImport', 'never');
/** When the last backup was exported (a timestamp, not secret): see LastBackup. */
export const lastBackupItem = defineItem<LastBackup>('local', 'lastBackup', 'never');
/** When the popup's backup prompt was last dismissed (a timestamp, not secret). */
export const backupPromptDismissedItem = defineItem<number>('local', 'backupPrompt.dismissedAt', 'never');
/** Clock samples from the Date headers of the user's account sites (issue 13): they name those sites, so lock clears them. */
export const clockSamplesItem = defineItem<ClockSample[]>('session', 'clockSamples', 'lock');
/**
 * The one-use fill grants (background/fill/grants.ts) and picked codes waiting for their frame
 * (background/fill/pick.ts), so a service-worker restart keeps them (background/fill/saved-map.ts): tab,
 * frame and document ids, an origin, an account id (never an HOTP code: a grant carrying one stays in
 * memory). Minutes long; lock clears them.
 */
export const fillGrantsItem = defineItem<[string, SavedEntry][]>('session', 'fill.grants', 'lock');
export const pickReadyItem = defineItem<[string, SavedEntry][]>('session', 'fill.pickReady', 'lock');
/** What those two items hold per grant (as [grant, entry] pairs, oldest first): the background's record of it. */
export interface SavedEntry {
  expires: number;
}

/** Every stored item; a key not listed here is never written. */
export const storageItems: readonly StorageItem<unknown>[] = [
  settingsItem,
  vaultCurrent,
  vaultPrevious,
  vaultRestorePoints,
  vaultRecoveredAt,
  sessionKey,
  clipboardPending,
  lastImportItem,
  lastBackupItem,
  backupPromptDismissedItem,
  clockSamplesItem,
  fillGrantsItem,
  pickReadyItem,
];

/** Removes every item declared `clearOn: 'lock'`, one storage call per area. */
export async function clearOnLock(
  items: readonly StorageItem<unknown>[] = storageItems,
  areas: Areas = extensionAreas(),
): Promise<void> {
  for (const area of ['local', 'session'] as const) {
    const keys = items.filter((item) => item.area === area && item.clearOn === 'lock').map((item) => item.key);
    if (keys.length) await areas[area].remove(keys);
  }
}

/** Several items of one area in ONE storage call, so they are written together or not at all. */
export async function setTogether(area: Area, entries: [StorageItem<unknown>, unknown][]): Promise<void> {
  const record: Record<string, unknown> = {};
  for (const [item, value] of entries) {
    if (item.area !== area) throw new Error(`${item.key} is not in ${area} storage`);
    record[item.key] = value;
  }
  await extensionAreas()[area].set(record);
}

interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Keep extension storage away from content scripts: only extension pages and the service worker read it
 * (the content scripts never do; they ask the background).
 * - `storage.session` (the session key): Chrome's default, made explicit. Firefox has no setAccessLevel
 *   (https://bugzilla.mozilla.org/show_bug.cgi?id=1724754) and never exposes storage.session to content
 *   scripts (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/storage/session), so
 *   there the call is skipped and the default is already what we want.
 * - `storage.local` (the sealed vault, ciphertext only): by default every content script may read it, so a
 *   page that takes over its renderer would get the whole encrypted vault to attack offline. Chromium
 *   since 2024 lets an extension restrict it too (a stored preference, set again at every start).
 */
export async function restrictStorageAccess(): Promise<void> {
  const storage = (globalThis as { chrome?: { storage?: { session?: AccessLevelArea; local?: AccessLevelArea } } })
    .chrome?.storage;
  await storage?.session?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  try {
    await storage?.local?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch (error) {
    // An older Chromium (the manifest allows 116) or Firefox that has the method for storage.session only
    // refuses it for storage.local: the vault there stays readable by content scripts, as ciphertext only.
    log.info('storage.local stays readable by content scripts (setAccessLevel refused)', error);
  }
}
