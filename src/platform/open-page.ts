import { browser } from './browser';

/** Opens one of our own pages (path inside the extension, with an optional #fragment) in a new tab. */
export function openExtensionPage(path: string, create = (url: string) => browser.tabs.create({ url })): void {
  void create(browser.runtime.getURL(path));
}
