/** The in-field button's pick store: random ids, per-tab bound, per-frame replacement, TTL, typed errors. */
import { describe, expect, it } from 'vitest';
import { PickStore } from '../../../src/background/fill/pick-store';

const target = (tabId: number, frameId = 0, documentId: string | undefined = `doc-${tabId}-${frameId}`) => ({
  tabId,
  frameId,
  documentId,
  origin: 'https://mail.example',
});
let n = 0;
const counter = () => `id-${++n}`;

describe('PickStore', () => {
  it('gives each click a fresh random id (UUID by default)', () => {
    const store = new PickStore();
    const a = store.add(target(1), 0);
    const b = store.add(target(2), 0);
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.id).not.toBe(a.id);
  });

  it("keeps picks per tab: another tab's click never replaces or evicts this tab's pick", () => {
    const store = new PickStore(120_000, 2, counter);
    const mine = store.add(target(1), 0);
    for (let i = 0; i < 50; i++) store.add(target(2, i), 0);
    expect(store.latest(1, 0)).toEqual(mine);
    expect(store.get(mine.id, 0)).toEqual(mine);
  });

  it('bounds each tab: beyond the limit its oldest pick goes; a new click in the same frame and document replaces its pick', () => {
    const store = new PickStore(120_000, 2, counter);
    const first = store.add(target(1, 0), 0);
    const second = store.add(target(1, 1), 1);
    const third = store.add(target(1, 2), 2);
    expect(() => store.get(first.id, 2)).toThrow(expect.objectContaining({ code: 'fill/pick-gone' }));
    expect(store.get(second.id, 2)).toEqual(second);
    expect(store.latest(1, 2)).toEqual(third);
    const again = store.add(target(1, 2), 3);
    expect(() => store.get(third.id, 3)).toThrow(expect.objectContaining({ code: 'fill/pick-gone' }));
    expect(store.latest(1, 3)).toEqual(again);
    expect(store.get(second.id, 3)).toEqual(second);
  });

  it('expires picks after the TTL', () => {
    const store = new PickStore(1000, 4, counter);
    const pick = store.add(target(1), 0);
    expect(store.latest(1, 1000)).toEqual(pick);
    expect(store.latest(1, 1001)).toBeNull();
    expect(() => store.take(pick.id, 1001)).toThrow(expect.objectContaining({ code: 'fill/pick-gone' }));
  });

  it('a taken (used or cancelled) id, and an id never issued, fail with fill/pick-gone', () => {
    const store = new PickStore(120_000, 4, counter);
    const pick = store.add(target(1), 0);
    expect(store.take(pick.id, 0)).toEqual(pick);
    expect(() => store.take(pick.id, 0)).toThrow(expect.objectContaining({ code: 'fill/pick-gone' }));
    expect(() => store.get('never-issued', 0)).toThrow(expect.objectContaining({ code: 'fill/pick-gone' }));
    expect(store.latest(1, 0)).toBeNull();
  });

  it("remove drops one pick and leaves the tab's others", () => {
    const store = new PickStore(120_000, 4, counter);
    const a = store.add(target(1, 0), 0);
    const b = store.add(target(1, 1), 0);
    store.remove(b);
    expect(store.latest(1, 0)).toEqual(a);
    store.remove(a);
    expect(store.latest(1, 0)).toBeNull();
  });
});
