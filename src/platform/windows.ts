import { browser } from './browser';

/**
 * The toolbar popup, opened by code. `action.openPopup` is Chrome's (127+ without a user gesture) and
 * has no polyfill wrapper; it rejects without a focused normal window
 * (https://developer.chrome.com/docs/extensions/reference/api/action#method-openPopup). Undefined
 * where the browser has none.
 */
export function toolbarPopup(): (() => Promise<void>) | undefined {
  const action = (globalThis as { chrome?: { action?: { openPopup?: () => Promise<void> } } }).chrome?.action;
  return action?.openPopup ? () => action.openPopup!() : undefined;
}

/**
 * The window openExtensionWindow opened last (its id once created), until the user closes it. Every
 * later call focuses it instead of opening another: a page that sends message after message (or
 * a compromised renderer) gets one window, never one per message.
 */
let ours: Promise<number | undefined> | undefined;
/** Our window once it is there, and the tab it was opened (or last focused) for. */
let shown: { windowId: number; forTab: number | undefined } | undefined;

/**
 * The tab our window was opened for, when `windowId` is our window. Firefox reports our small window as
 * the last focused one even when asked for normal windows only, so the popup in it would otherwise find
 * no page behind it (no pick for the page's tab, no site first).
 */
export const tabBehindOurWindow = (windowId: number): number | undefined =>
  shown?.windowId === windowId ? shown.forTab : undefined;

const forget = (windowId: number): void => {
  const current = ours;
  void current?.then(
    (id) => {
      if (shown?.windowId === windowId) shown = undefined;
      if (id === windowId && ours === current) ours = undefined;
    },
    () => undefined, // Its creation failed: there is no window of ours to forget.
  );
};

/** Focuses window `id`; false when it is gone (closed while the worker slept, or never created). */
async function focus(id: number): Promise<boolean> {
  try {
    return (await browser.windows.update(id, { focused: true })) !== undefined;
  } catch {
    return false; // No window with this id: the caller opens a new one.
  }
}

/**
 * A small window showing one of our pages (`path` inside the extension): one at a time. When ours is
 * still open it is focused (and shows what it showed; the popup reads its state from the background);
 * closed, the next call opens a new one. Calls made at once wait for the first one's window.
 */
export async function openExtensionWindow(path: string, width: number, height: number, forTab?: number): Promise<void> {
  if (!browser.windows.onRemoved.hasListener(forget)) browser.windows.onRemoved.addListener(forget);
  const previous = ours;
  const next = (async () => {
    // The previous window failed to open: open one now.
    const id = previous ? await previous.catch(() => undefined) : undefined;
    if (id !== undefined && (await focus(id))) {
      shown = { windowId: id, forTab };
      return id;
    }
    const created = await browser.windows.create({ url: browser.runtime.getURL(path), type: 'popup', width, height });
    if (created?.id !== undefined) shown = { windowId: created.id, forTab };
    return created?.id;
  })();
  ours = next;
  await next;
}
