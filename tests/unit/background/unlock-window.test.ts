/**
 * Asking the user (askToUnlock) from a content script's message: where the toolbar popup cannot be
 * opened by code, a small window instead, but one at a time (focused again, not opened again) and at
 * most once per 2 s per tab. A page (or a compromised renderer) sending fill/choose or enroll/confirm
 * over and over used to open a new window every time. (Review rev-msg F3.)
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ASK_COOLDOWN_MS, askToUnlock } from '../../../src/background/enroll/after-unlock';
import { openExtensionWindow, tabBehindOurWindow } from '../../../src/platform/windows';
import { activeTab } from '../../../src/background/active-tab';

const popups = async () => (await fakeBrowser.windows.getAll()).filter((w) => w.type === 'popup');

beforeEach(() => {
  fakeBrowser.reset();
});

describe('askToUnlock: once per tab per cooldown', () => {
  const refused = async () => {
    throw new Error('no focused window');
  };

  it('20 asks from one tab within 2 s open one window; another tab, or 2 s later, asks again', async () => {
    const open = vi.fn(async () => undefined);
    const now = 1_000_000;
    for (let i = 0; i < 20; i++) await askToUnlock(1, now + i * 100, refused, open);
    expect(open).toHaveBeenCalledTimes(1);
    await askToUnlock(2, now + 2000, refused, open);
    expect(open).toHaveBeenCalledTimes(2);
    await askToUnlock(1, now + ASK_COOLDOWN_MS, refused, open);
    expect(open).toHaveBeenCalledTimes(3);
  });

  it('the toolbar popup path has the same cooldown; an ask with no tab (a menu click) always asks', async () => {
    const popup = vi.fn(async () => undefined);
    const open = vi.fn(async () => undefined);
    const now = 2_000_000;
    for (let i = 0; i < 5; i++) await askToUnlock(3, now + i, popup, open);
    expect(popup).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 3; i++) await askToUnlock(undefined, now + i, popup, open);
    expect(popup).toHaveBeenCalledTimes(4);
    expect(open).not.toHaveBeenCalled();
  });
});

describe('openExtensionWindow: one window at a time', () => {
  it('20 calls at once open one popup window, and focus it again later', async () => {
    await Promise.all(Array.from({ length: 20 }, () => openExtensionWindow('src/popup/index.html', 380, 560)));
    expect(await popups()).toHaveLength(1);
    const update = vi.spyOn(fakeBrowser.windows, 'update');
    await openExtensionWindow('src/popup/index.html', 380, 560);
    expect(await popups()).toHaveLength(1);
    expect(update).toHaveBeenCalledWith((await popups())[0]!.id, { focused: true });
  });

  it('once the user closed it, the next call opens a new one', async () => {
    await openExtensionWindow('src/popup/index.html', 380, 560);
    const [first] = await popups();
    await fakeBrowser.windows.remove(first!.id!);
    expect(await popups()).toHaveLength(0);
    await openExtensionWindow('src/popup/index.html', 380, 560);
    expect(await popups()).toHaveLength(1);
  });

  it('knows the tab it was opened (or focused again) for, until closed; activeTab gives that tab where Firefox names our window as the last focused one', async () => {
    await openExtensionWindow('src/popup/index.html', 380, 560, 41);
    const [ours] = await popups();
    expect(tabBehindOurWindow(ours!.id!)).toBe(41);
    expect(tabBehindOurWindow(ours!.id! + 1)).toBeUndefined();
    await openExtensionWindow('src/popup/index.html', 380, 560, 42);
    expect(tabBehindOurWindow(ours!.id!)).toBe(42);
    // Firefox: getLastFocused({windowTypes: ['normal']}) answers our popup window; its own tab is our page.
    const tabs = async () => [
      { id: 42, url: 'https://login.mail.example/', windowId: 7 },
      { id: 99, url: 'moz-extension://x/src/popup/index.html', windowId: ours!.id! },
    ];
    expect(await activeTab(async () => ({ id: ours!.id! }), tabs)).toEqual({
      id: 42,
      origin: 'https://login.mail.example',
    });
    // Control: a normal window focused gives its own active tab.
    expect(await activeTab(async () => ({ id: 7 }), tabs)).toEqual({ id: 42, origin: 'https://login.mail.example' });
    await fakeBrowser.windows.remove(ours!.id!);
    expect(tabBehindOurWindow(ours!.id!)).toBeUndefined();
  });
});
