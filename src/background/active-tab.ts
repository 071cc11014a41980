import { browser } from '../platform/browser';

/**
 * The origin of the tab the user is looking at (the popup lists its accounts first). Its URL is
 * visible through the host permission (no "tabs" permission). Non-web pages give null. Asked by the
 * background, not the popup: `lastFocusedWindow` is the browser window in both browsers (Firefox's
 * popup is a panel, not a window, so `currentWindow` from it is unreliable there), and in Firefox a
 * withheld host permission leaves `tab.url` undefined, which gives null too.
 */
export async function activeTabOrigin(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (!tab?.url) return null;
  try {
    const url = new URL(tab.url);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}
