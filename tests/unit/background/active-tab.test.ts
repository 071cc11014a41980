/** The tab the popup belongs to: the active tab of the last focused normal window (never the popup's own window). */
import { describe, expect, it, vi } from 'vitest';
import { activeTab } from '../../../src/background/active-tab';

describe('activeTab', () => {
  it('asks for the last focused normal window, then its active tab; gives the web origin', async () => {
    const query = vi.fn(async () => [{ id: 5, url: 'https://login.mail.example:8443/x?y#z' }]);
    expect(await activeTab(async () => ({ id: 9 }), query)).toEqual({
      id: 5,
      origin: 'https://login.mail.example:8443',
    });
    expect(query).toHaveBeenCalledWith({ active: true, windowId: 9 });
  });

  it.each([
    ['no window', async () => ({}), async () => []],
    ['the window query fails', async () => Promise.reject(new Error('no window')), async () => []],
    ['no active tab', async () => ({ id: 1 }), async () => []],
  ])('%s: null', async (_why, lastFocused, query) => {
    expect(await activeTab(lastFocused, query)).toBeNull();
  });

  it('a non-web page has a tab but no origin', async () => {
    expect(
      await activeTab(
        async () => ({ id: 1 }),
        async () => [{ id: 2, url: 'chrome://settings' }],
      ),
    ).toEqual({ id: 2, origin: null });
    expect(
      await activeTab(
        async () => ({ id: 1 }),
        async () => [{ id: 3 }],
      ),
    ).toEqual({ id: 3, origin: null });
  });
});
