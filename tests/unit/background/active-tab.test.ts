/** The tab the popup belongs to: the active tab of the last focused normal window (never the popup's own window). */
import { describe, expect, it, vi } from 'vitest';
import { activeTab } from '../../../src/background/active-tab';

describe('activeTab', () => {
  it("gives the active tab of the last focused normal window, not another window's; the web origin", async () => {
    const query = vi.fn(async () => [
      { id: 4, url: 'https://other.example/', windowId: 8 },
      { id: 5, url: 'https://login.mail.example:8443/x?y#z', windowId: 9 },
      { id: 6, url: 'https://third.example/', windowId: 10 },
    ]);
    expect(await activeTab(async () => ({ id: 9 }), query)).toEqual({
      id: 5,
      origin: 'https://login.mail.example:8443',
    });
    expect(query).toHaveBeenCalledWith({ active: true });
  });

  it('asks for the window and the tabs at once (one round trip to the browser, not two in a row)', async () => {
    let release!: (w: { id: number }) => void;
    const lastFocused = () => new Promise<{ id: number }>((done) => (release = done));
    const query = vi.fn(async () => [{ id: 5, url: 'https://a.example/', windowId: 9 }]);
    const pending = activeTab(lastFocused, query);
    expect(query).toHaveBeenCalledTimes(1); // asked before the window's answer
    release({ id: 9 });
    expect(await pending).toEqual({ id: 5, origin: 'https://a.example' });
  });

  it.each([
    ['no window', async () => ({}), async () => [{ id: 1, windowId: 1 }]],
    [
      'the window query fails',
      async () => Promise.reject(new Error('no window')),
      async () => [{ id: 1, windowId: 1 }],
    ],
    ['no active tab', async () => ({ id: 1 }), async () => []],
    ['the tab query fails', async () => ({ id: 1 }), async () => Promise.reject(new Error('no tabs'))],
    [
      'only tabs of other windows (the focused one is a popup window)',
      async () => ({ id: 1 }),
      async () => [{ id: 2, windowId: 3 }],
    ],
  ])('%s: null', async (_why, lastFocused, query) => {
    expect(await activeTab(lastFocused, query)).toBeNull();
  });

  it('a non-web page has a tab but no origin', async () => {
    expect(
      await activeTab(
        async () => ({ id: 1 }),
        async () => [{ id: 2, url: 'chrome://settings', windowId: 1 }],
      ),
    ).toEqual({ id: 2, origin: null });
    expect(
      await activeTab(
        async () => ({ id: 1 }),
        async () => [{ id: 3, windowId: 1 }],
      ),
    ).toEqual({ id: 3, origin: null });
  });
});
