/**
 * The runtime calls of the background and the offscreen document, as plain functions (ARCHITECTURE.md:
 * only platform/ touches the extension API; callers take these as parameters defaulted from here).
 */
import { browser, type Runtime } from './browser';

export type { Runtime };

/** This extension's id and origin: the router checks senders against them. */
export const extensionSelf = (): { id: string; origin: string } => ({
  id: browser.runtime.id,
  origin: browser.runtime.getURL(''),
});

export const extensionManifest = (): ReturnType<typeof browser.runtime.getManifest> => browser.runtime.getManifest();

/** Returning a promise from `listener` makes it the reply (webextension-polyfill in Chromium, native in Firefox):
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/runtime/onMessage */
export type MessageListener = (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined;

export function onRuntimeMessage(listener: MessageListener): void {
  browser.runtime.onMessage.addListener(listener);
}

/**
 * Tells the extension's open pages (popup, options) something, with no reply expected. With none open
 * there is nobody to tell: the browser's "Receiving end does not exist" is that case, not a failure.
 */
export function tellExtensionPages(message: unknown): Promise<void> {
  return browser.runtime.sendMessage(message).then(
    () => undefined,
    // No extension page is listening (the usual case): nothing to do.
    () => undefined,
  );
}

/** A message to one tab's content script (all frames, or the one `options` names); the raw reply. */
export type SendToTab = (
  tabId: number,
  message: unknown,
  options?: { frameId: number; documentId?: string },
) => Promise<unknown>;

// documentId is Chrome's (106+); the polyfill's types omit it:
// https://developer.chrome.com/docs/extensions/reference/api/tabs#method-sendMessage
export const sendToTab: SendToTab = (tabId, message, options) =>
  browser.tabs.sendMessage(tabId, message, options as { frameId: number } | undefined);
