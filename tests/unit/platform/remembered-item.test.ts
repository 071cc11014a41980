/**
 * A remembered item (platform/storage.ts `rememberedItem`): the worker's settings are read from storage
 * once, not on every code it computes (the popup's first answer waited for that read, issue 16), and
 * never go stale through the object's own writes; a failed read is not kept.
 */
import { describe, expect, it } from 'vitest';
import { defineItem, rememberedItem, type AreaLike } from '../../../src/platform/storage';

/** A storage area that counts reads and can be told to fail the next one. */
function countingArea() {
  const data = new Map<string, unknown>();
  const area = {
    reads: 0,
    failNext: false,
    data,
    get: async (keys: string | string[]) => {
      area.reads++;
      if (area.failNext) {
        area.failNext = false;
        throw new Error('storage unavailable');
      }
      return Object.fromEntries([keys].flat().flatMap((k) => (data.has(k) ? [[k, data.get(k)]] : [])));
    },
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
    remove: async (keys: string | string[]) => void [keys].flat().forEach((k) => data.delete(k)),
  } satisfies AreaLike & Record<string, unknown>;
  return area;
}

function setup() {
  const local = countingArea();
  const session = countingArea();
  const plain = defineItem<{ n: number }>('local', 'settings', 'never', () => ({ local, session }));
  return { local, plain, item: rememberedItem(plain) };
}

describe('rememberedItem', () => {
  it('reads storage once; its own writes and removals are read back, never a stale value', async () => {
    const { local, item } = setup();
    local.data.set('settings', { n: 1 });
    expect(await item.get()).toEqual({ n: 1 });
    expect(await item.get()).toEqual({ n: 1 });
    expect(local.reads).toBe(1);
    await item.set({ n: 2 });
    expect(await item.get()).toEqual({ n: 2 });
    expect(local.data.get('settings')).toEqual({ n: 2 });
    await item.remove();
    expect(await item.get()).toBeUndefined();
    expect(local.reads).toBe(3);
  });

  it('a read during a write is not kept past it', async () => {
    const { local, item } = setup();
    local.data.set('settings', { n: 1 });
    const writing = item.set({ n: 2 });
    const during = item.get();
    await writing;
    await during;
    expect(await item.get()).toEqual({ n: 2 });
  });

  it('a failed read is not kept: the next read asks storage again', async () => {
    const { local, item } = setup();
    local.data.set('settings', { n: 1 });
    local.failNext = true;
    await expect(item.get()).rejects.toThrow('storage unavailable');
    expect(await item.get()).toEqual({ n: 1 });
    expect(local.reads).toBe(2);
  });

  it('control: the plain item reads storage every time', async () => {
    const { local, plain } = setup();
    local.data.set('settings', { n: 1 });
    await plain.get();
    await plain.get();
    expect(local.reads).toBe(2);
  });

  it("keeps the item's declaration (area, key, lifetime)", () => {
    const { item } = setup();
    expect([item.area, item.key, item.clearOn]).toEqual(['local', 'settings', 'never']);
  });
});
