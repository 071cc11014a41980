/**
 * Finding 9: the capture budget (6 per document) is kept per tab; no page can reset another page's
 * budget by showing many documents (the old map was cleared for everyone at 500 pages), and a burst
 * of simultaneous requests cannot each see an unused budget.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { captureSource, forgetCaptureBudget } from '../../../src/background/enroll/capture-source';

const captures: number[] = [];
const tabs = new Map<number, { active: boolean; url: string; windowId: number }>();

const deps = {
  getTab: async (id: number) => ({ ...tabs.get(id)! }),
  captureVisibleTab: async (windowId: number) => {
    captures.push(windowId);
    return { width: 800, height: 600, data: new Uint8ClampedArray(800 * 600 * 4) };
  },
};

const request = { rect: { x: 100, y: 100, width: 220, height: 220 }, viewport: 800 };
const open = (id: number, host: string) => tabs.set(id, { active: true, url: `https://${host}/`, windowId: id });
const sender = (tabId: number, documentId: string) => ({
  tab: { id: tabId },
  frameId: 0,
  documentId,
  origin: `https://${new URL(tabs.get(tabId)!.url).host}`,
});
const ask = (tabId: number, documentId: string) =>
  captureSource(request, sender(tabId, documentId), sender(tabId, documentId).origin, deps);

beforeEach(() => {
  captures.length = 0;
});

describe('capture budget', () => {
  it('6 captures per document; 600 other documents elsewhere do not give it more', async () => {
    open(1, 'victim.example');
    open(2, 'attacker.example');
    for (let i = 0; i < 6; i++) await ask(1, 'victim-doc');
    expect(captures).toHaveLength(6);
    // The attacker's tab shows 600 documents, one capture each (the old code cleared every budget at 500).
    for (let i = 0; i < 600; i++) await ask(2, `attacker-doc-${i}`);
    captures.length = 0;
    expect(await ask(1, 'victim-doc')).toBeNull();
    expect(captures).toEqual([]);
  });

  it('a burst of 20 simultaneous requests gets 6 captures, not 20', async () => {
    open(3, 'burst.example');
    await Promise.all(Array.from({ length: 20 }, () => ask(3, 'burst-doc')));
    expect(captures).toHaveLength(6);
  });

  it('a request from a tab that is not showing does not use up the budget', async () => {
    open(4, 'hidden.example');
    tabs.get(4)!.active = false;
    for (let i = 0; i < 10; i++) await ask(4, 'hidden-doc');
    expect(captures).toEqual([]);
    tabs.get(4)!.active = true;
    for (let i = 0; i < 10; i++) await ask(4, 'hidden-doc');
    expect(captures).toHaveLength(6);
  });

  it('a new document in the tab, or the tab closed and its id reused, starts afresh', async () => {
    open(5, 'reload.example');
    for (let i = 0; i < 7; i++) await ask(5, 'first');
    expect(captures).toHaveLength(6);
    await ask(5, 'second');
    expect(captures).toHaveLength(7);
    forgetCaptureBudget(5);
    await ask(5, 'second');
    expect(captures).toHaveLength(8);
  });

  it('Firefox (no documentId): a page that changes its URL (pushState, #fragment) keeps its 6, not 6 per URL', async () => {
    open(6, 'evil.example');
    const origin = 'https://evil.example';
    for (let n = 0; n < 50; n++) {
      // The same document; only its URL changed. Firefox's sender has no documentId.
      const firefox = { tab: { id: 6 }, frameId: 0, url: `${origin}/#${n}`, origin };
      for (let i = 0; i < 6; i++) await captureSource(request, firefox, origin, deps);
    }
    expect(captures).toHaveLength(6);
    // Another site in the same tab is another page: its own 6.
    open(6, 'next.example');
    const next = { tab: { id: 6 }, frameId: 0, url: 'https://next.example/', origin: 'https://next.example' };
    await captureSource(request, next, next.origin, deps);
    expect(captures).toHaveLength(7);
  });
});
