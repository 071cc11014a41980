import { lastFocusedNormalWindow, queryTabs, type LastFocusedWindow } from '../platform/tabs';
import { tabBehindOurWindow } from '../platform/windows';

export interface ActiveTab {
  id: number;
  /** The tab's web origin (http/https), null for other pages. */
  origin: string | null;
}

type QueryTabs = (query: {
  active: true;
}) => Promise<{ id?: number | undefined; url?: string | undefined; windowId?: number | undefined }[]>;

/**
 * The tab the user is looking at: the active tab of the last focused *normal* window. The toolbar
 * popup has no window of its own, and the small window we open to unlock when the browser cannot open
 * the popup (a 'popup' window) is skipped, so both see the page behind them. Its URL is visible
 * through the host permission (no "tabs" permission); in Firefox a withheld host permission leaves
 * `tab.url` undefined, which gives a null origin. `windows.getLastFocused` is the browser window in both
 * browsers (Firefox's popup is a panel, not a window, so `currentWindow` from it is unreliable there).
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/tabs/Tab (url: with host permission)
 *
 * The window and the active tab of every window are asked at once, not one after the other: the
 * popup's first answer waits for this, and each call is a round trip to the browser's main process
 * (issue 16: 3–10 ms each while the popup is being built).
 */
export async function activeTab(
  lastFocused: LastFocusedWindow = lastFocusedNormalWindow,
  query: QueryTabs = queryTabs,
  behindOurWindow: (windowId: number) => number | undefined = tabBehindOurWindow,
): Promise<ActiveTab | null> {
  const [window, tabs] = await Promise.all([
    // No window to ask about (e.g. all closed): no active tab, below.
    lastFocused().catch(() => null),
    // A failed query is no active tab, as a failed window lookup is.
    query({ active: true }).catch(() => []),
  ]);
  // No normal window (all closed, or only a popup window): no active tab.
  if (window?.id === undefined) return null;
  // Firefox may name our own small window (opened for a page's click) as the last focused normal one:
  // the page is the tab it was opened for.
  const behind = behindOurWindow(window.id);
  const tab = tabs.find((t) => (behind === undefined ? t.windowId === window.id : t.id === behind));
  if (tab?.id === undefined) return null;
  return { id: tab.id, origin: webOrigin(tab.url) };
}

function webOrigin(href: string | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    // A tab URL that does not parse is no web page.
    return null;
  }
}

/** The origin of the tab the user is looking at (the popup lists its accounts first); null for non-web pages. */
export async function activeTabOrigin(): Promise<string | null> {
  return (await activeTab())?.origin ?? null;
}
