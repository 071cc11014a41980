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

/** A small window showing one of our pages (`path` inside the extension). */
export async function openExtensionWindow(path: string, width: number, height: number): Promise<void> {
  await browser.windows.create({ url: browser.runtime.getURL(path), type: 'popup', width, height });
}
