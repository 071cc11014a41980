import { browser } from './browser';

/**
 * Chrome's offscreen documents (https://developer.chrome.com/docs/extensions/reference/api/offscreen).
 * Not in webextension-polyfill (Firefox has no such API), so it is reached on `chrome` here, and only
 * here. Undefined in Firefox.
 */
export interface OffscreenApi {
  hasDocument(): Promise<boolean>;
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  /** A message to the offscreen document (runtime.sendMessage reaches it). */
  send(message: object): Promise<unknown>;
}

interface ChromeOffscreen {
  hasDocument?(): Promise<boolean>;
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

export function offscreenApi(): OffscreenApi | undefined {
  const offscreen = (globalThis as { chrome?: { offscreen?: ChromeOffscreen } }).chrome?.offscreen;
  if (!offscreen) return undefined;
  return {
    // hasDocument is Chrome 116+; before it, closeDocument after each use leaves none open.
    // Chromium's TODO on hasDocument: https://crbug.com/1339382
    hasDocument: async () => (await offscreen.hasDocument?.()) ?? false,
    createDocument: (options) => offscreen.createDocument(options),
    closeDocument: () => offscreen.closeDocument(),
    send: (message) => browser.runtime.sendMessage(message),
  };
}
