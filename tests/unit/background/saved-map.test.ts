/**
 * Fill grants kept across a service-worker restart (background/fill/saved-map.ts): a new worker reads
 * what the one before saved, once, before its first use; what was used up or expired stays gone; a lock
 * empties both. Two `savedMap`s over one storage item stand for the worker before and after a restart.
 */
import { describe, expect, it } from 'vitest';
import { defineItem, type AreaLike, type Areas } from '../../../src/platform/storage';
import { savedMap } from '../../../src/background/fill/saved-map';
import { takeErrorReports } from '../../log-reports';

interface Entry {
  tabId: number;
  expires: number;
}

function memoryArea(): AreaLike & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => (data.has(key as string) ? { [key as string]: structuredClone(data.get(key as string)) } : {}),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
    remove: async (key) => void data.delete(key as string),
  };
}

function bed() {
  const session = memoryArea();
  const areas: Areas = { local: memoryArea(), session };
  const item = defineItem<[string, Entry][]>('session', 'fill.grants', 'lock', () => areas);
  return { session, worker: (keep?: (entry: Entry) => boolean) => savedMap<Entry>(item, keep) };
}

const later = () => Date.now() + 60_000;
/** The tokens stored, in their stored order. */
const keysIn = (session: { data: Map<string, unknown> }) =>
  ((session.data.get('fill.grants') ?? []) as [string, Entry][]).map(([key]) => key);

describe('grants across a worker restart', () => {
  it('a new worker has the live grants the one before it saved, and not the ones it used up', async () => {
    const { worker } = bed();
    const before = worker();
    await before.ready();
    before.map.set('kept', { tabId: 1, expires: later() });
    before.map.set('used', { tabId: 1, expires: later() });
    await before.save();
    before.map.delete('used');
    await before.save();

    const after = worker(); // the restart: an empty map until ready
    expect(after.map.size).toBe(0);
    await after.ready();
    expect([...after.map.keys()]).toEqual(['kept']);
    expect(after.map.get('kept')).toEqual(before.map.get('kept'));
  });

  it('grants that expired while the worker was stopped are not read back', async () => {
    const { session, worker } = bed();
    // Saved live, expired by the time the next worker reads it.
    session.data.set('fill.grants', [
      ['stale', { tabId: 2, expires: Date.now() - 1 }],
      ['live', { tabId: 1, expires: later() }],
    ]);
    const after = worker();
    await after.ready();
    expect([...after.map.keys()]).toEqual(['live']);
    await after.save();
    expect(keysIn(session)).toEqual(['live']); // and they leave storage
  });

  it('the order they were added in comes back (the oldest is pruned first in the next worker too)', async () => {
    const { session, worker } = bed();
    const before = worker();
    await before.ready();
    const tokens = ['f', 'c', 'a', 'e', 'b', 'd'];
    for (const token of tokens) before.map.set(token, { tabId: 1, expires: later() });
    await before.save();
    expect(keysIn(session)).toEqual(tokens);
    const after = worker();
    await after.ready();
    expect([...after.map.keys()]).toEqual(tokens);
  });

  it('entries `keep` turns down are never written, and stay in this worker only', async () => {
    const { session, worker } = bed();
    const w = worker((entry) => entry.tabId !== 9);
    await w.ready();
    w.map.set('secret', { tabId: 9, expires: later() });
    w.map.set('plain', { tabId: 1, expires: later() });
    await w.save();
    expect(keysIn(session)).toEqual(['plain']);
    expect(w.map.has('secret')).toBe(true);
  });

  it('a save awaited after a change has that change in storage (the used-up grant is gone there too)', async () => {
    const { session, worker } = bed();
    const w = worker();
    await w.ready();
    w.map.set('a', { tabId: 1, expires: later() });
    w.map.set('b', { tabId: 1, expires: later() });
    void w.save();
    w.map.delete('a'); // while the first write waits: the same write takes it
    void w.save();
    await w.written();
    expect(keysIn(session)).toEqual(['b']);
  });

  it('a lock in a new worker, before its first read: nothing saved comes back, in memory or storage', async () => {
    const { session, worker } = bed();
    const before = worker();
    await before.ready();
    before.map.set('tok', { tabId: 1, expires: later() });
    await before.save();
    const after = worker();
    await after.clear();
    await after.ready();
    expect(after.map.size).toBe(0);
    expect(session.data.has('fill.grants')).toBe(false);
  });

  it('read once per worker: what it changed since is not overwritten by a second read', async () => {
    const { worker } = bed();
    const before = worker();
    await before.ready();
    before.map.set('a', { tabId: 1, expires: later() });
    await before.save();
    const after = worker();
    await after.ready();
    after.map.delete('a');
    await after.save();
    await after.ready();
    expect(after.map.has('a')).toBe(false);
  });

  it('saves in order: the last state is what is stored', async () => {
    const { session, worker } = bed();
    const w = worker();
    await w.ready();
    w.map.set('a', { tabId: 1, expires: later() });
    const first = w.save();
    w.map.delete('a');
    w.map.set('b', { tabId: 1, expires: later() });
    await Promise.all([first, w.save()]);
    expect(keysIn(session)).toEqual(['b']);
    w.map.delete('b');
    await w.save();
    expect(session.data.has('fill.grants')).toBe(false); // nothing left: the item goes
  });

  it('a lock empties the map and its stored copy: no grant reaches the next worker', async () => {
    const { session, worker } = bed();
    const w = worker();
    await w.ready();
    w.map.set('a', { tabId: 1, expires: later() });
    await w.save();
    expect(session.data.has('fill.grants')).toBe(true); // control: saved
    await w.clear();
    expect(w.map.size).toBe(0);
    expect(session.data.has('fill.grants')).toBe(false);
    const after = worker();
    await after.ready();
    expect(after.map.size).toBe(0);
  });

  it('unreadable storage: the worker starts with no grants (reported), and still saves new ones', async () => {
    const { session, worker } = bed();
    const get = session.get;
    session.get = () => Promise.reject(new Error('storage unavailable'));
    const w = worker();
    await w.ready();
    expect(w.map.size).toBe(0);
    expect(takeErrorReports().map((r) => r.scope)).toEqual(['saved-map']);
    session.get = get;
    w.map.set('a', { tabId: 1, expires: later() });
    await w.save();
    expect(keysIn(session)).toEqual(['a']);
  });
});

describe('a lock ends the fill grants (background/fill/end-on-lock.ts)', () => {
  it('a refresh grant given before the lock fills nothing after it; control: one given after it does', async () => {
    const { endFillGrantsOnLock } = await import('../../../src/background/fill/end-on-lock');
    const { grantsReady, issueGrant, redeemGrant } = await import('../../../src/background/fill/grants');
    const listeners: (() => Promise<void>)[] = [];
    endFillGrantsOnLock({ onLock: (listener) => listeners.push(listener) });
    const sender = { tab: { id: 7 }, frameId: 0, documentId: 'doc-1', url: 'https://login.example/' };
    await grantsReady();
    const before = issueGrant({ tabId: 7, frameId: 0, documentId: 'doc-1', accountId: 'a' }, 60_000);
    for (const listener of listeners) await listener();
    expect(redeemGrant(before, sender)).toBeNull();
    const after = issueGrant({ tabId: 7, frameId: 0, documentId: 'doc-1', accountId: 'a' }, 60_000);
    expect(redeemGrant(after, sender)).toMatchObject({ tabId: 7, accountId: 'a' });
  });
});
