/**
 * Storage items are declared once (platform/storage.ts), each with its area and lifetime, and the
 * lifetime drives behaviour: locking removes every item declared `clearOn: 'lock'` and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from '../../fake-browser';
import {
  clearOnLock,
  clipboardPending,
  restrictStorageAccess,
  storageItems,
  type AreaLike,
  type Areas,
} from '../../../src/platform/storage';
import { storagePorts } from '../../../src/background/vault/storage-ports';
import { listenForClipboardAlarm } from '../../../src/background/clipboard-clear';
import { VaultService } from '../../../src/background/vault/vault-service';

function memoryArea(): AreaLike & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (keys) =>
      Object.fromEntries(
        [keys]
          .flat()
          .filter((k) => data.has(k))
          .map((k) => [k, data.get(k)]),
      ),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
    remove: async (keys) => void [keys].flat().forEach((k) => data.delete(k)),
  };
}

/** Both areas holding every declared item. */
function filled(): Areas & { local: ReturnType<typeof memoryArea>; session: ReturnType<typeof memoryArea> } {
  const areas = { local: memoryArea(), session: memoryArea() };
  for (const item of storageItems) areas[item.area].data.set(item.key, `value of ${item.key}`);
  return areas;
}

const lockKeys = storageItems.filter((item) => item.clearOn === 'lock').map((item) => `${item.area}:${item.key}`);
const left = (areas: ReturnType<typeof filled>) => [
  ...[...areas.local.data.keys()].map((k) => `local:${k}`),
  ...[...areas.session.data.keys()].map((k) => `session:${k}`),
];

/** An offscreen document that records what it is sent (the clipboard-clearing requests). */
function fakeOffscreen() {
  const sent: unknown[] = [];
  const offscreen = {
    hasDocument: async () => false,
    createDocument: async () => undefined,
    closeDocument: async () => undefined,
    send: async (message: object) => void sent.push(message),
  };
  return { sent, offscreen };
}

describe('storage items', () => {
  it('each key is declared once; the session key, the clock samples and the fill grants (they name account sites) are cleared on lock, the copied code by its lock listener', () => {
    const keys = storageItems.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(lockKeys).toEqual([
      'session:session.vaultKey',
      'session:clockSamples',
      'session:fill.grants',
      'session:fill.pickReady',
    ]);
  });

  it('clearOnLock removes exactly the lock items', async () => {
    const areas = filled();
    await clearOnLock(storageItems, areas);
    const all = storageItems.map((item) => `${item.area}:${item.key}`);
    expect(left(areas).sort()).toEqual(all.filter((k) => !lockKeys.includes(k)).sort());
  });

  it('the vault lock (storage ports) clears the key and the clock samples in extension storage, and leaves the copied code to its listener', async () => {
    const areas = filled();
    fakeBrowser({ storage: areas });
    await storagePorts().keys.clear();
    // The copied code stays for the clipboard's lock listener, which clears the clipboard and removes it.
    expect(areas.session.data.has('clipboard.pending')).toBe(true);
    expect(areas.session.data.has('clockSamples')).toBe(false);
    expect(areas.session.data.has('session.vaultKey')).toBe(false);
    expect(areas.local.data.has('vault.current')).toBe(true);
    expect(areas.local.data.has('settings')).toBe(true);
  });

  it('a real lock (the vault service: the session key goes first, then its listeners) clears the clipboard of a code just copied', async () => {
    const areas = filled();
    fakeBrowser({ storage: areas });
    const vault = new VaultService(storagePorts());
    const { sent, offscreen } = fakeOffscreen();
    listenForClipboardAlarm(vault, { create: async () => undefined, onAlarm: () => undefined }, offscreen);
    await clipboardPending.set('123456');
    await vault.lock();
    // The build before removed the code with the session key, before this listener could read it.
    expect(sent).toEqual([{ type: 'offscreen/clear-clipboard-if', text: '123456' }]);
    expect(areas.session.data.has('clipboard.pending')).toBe(false);
    expect(areas.session.data.has('session.vaultKey')).toBe(false);
  });

  it('locking clears the clipboard at once if it still holds the copied code', async () => {
    const areas = filled();
    fakeBrowser({ storage: areas });
    await clipboardPending.set('123456');
    const { sent, offscreen } = fakeOffscreen();
    let onLock: (() => Promise<void>) | undefined;
    listenForClipboardAlarm(
      { onLock: (listener) => void (onLock = listener) },
      { create: async () => undefined, onAlarm: () => undefined },
      offscreen,
    );
    await onLock!();
    expect(sent).toEqual([{ type: 'offscreen/clear-clipboard-if', text: '123456' }]);
    expect(areas.session.data.has('clipboard.pending')).toBe(false);
  });
});

describe('restrictStorageAccess', () => {
  const withChrome = async (storage: object, run: () => Promise<void>) => {
    const g = globalThis as { chrome?: unknown };
    const before = g.chrome;
    g.chrome = { storage };
    try {
      await run();
    } finally {
      g.chrome = before;
    }
  };

  it('restricts storage.session AND storage.local (the sealed vault) to trusted contexts', async () => {
    const asked: [string, unknown][] = [];
    const area = (name: string) => ({ setAccessLevel: async (o: unknown) => void asked.push([name, o]) });
    await withChrome({ session: area('session'), local: area('local') }, restrictStorageAccess);
    expect(asked).toEqual([
      ['session', { accessLevel: 'TRUSTED_CONTEXTS' }],
      ['local', { accessLevel: 'TRUSTED_CONTEXTS' }],
    ]);
  });

  it('a browser that refuses it for storage.local (session only), or has no setAccessLevel, still starts', async () => {
    const asked: string[] = [];
    await withChrome(
      {
        session: { setAccessLevel: async () => void asked.push('session') },
        local: {
          setAccessLevel: () => Promise.reject(new Error('This is only supported for session storage.')),
        },
      },
      restrictStorageAccess,
    );
    expect(asked).toEqual(['session']);
    await withChrome({ session: {}, local: {} }, restrictStorageAccess);
  });
});
