/**
 * The extension API as the browser gives it, without webextension-polyfill, for the code that must
 * start fast: the content script (every page) and the popup (issue 16: the polyfill was ~11 KB of the
 * popup's ~65 KB script, evaluated before its first code). Firefox has the promise-based `browser` natively;
 * Chromium MV3 returns promises from every call typed here (Chrome 116 is the manifest's minimum).
 * https://developer.chrome.com/docs/extensions/develop/migrate#promises
 * The object is looked up on first use: in Chromium the first touch of `chrome` in a frame builds the
 * extension bindings of its world (docs/content-speed.md), which a page with nothing for us never pays.
 */
export interface NativeApi {
  runtime: {
    id: string;
    sendMessage(message: unknown): Promise<unknown>;
    getURL(path: string): string;
    getManifest(): { name: string; short_name?: string; version: string };
    openOptionsPage(): Promise<void>;
    onMessage: {
      addListener(
        listener: (
          message: unknown,
          sender: { id?: string; tab?: unknown },
          respond: (reply: unknown) => void,
        ) => boolean | undefined,
      ): void;
      removeListener(listener: (...args: never[]) => unknown): void;
    };
  };
  i18n: { getMessage(key: string, substitutions?: string | string[]): string };
  tabs: { create(properties: { url: string }): Promise<unknown> };
  permissions: {
    contains(permissions: { origins: string[] }): Promise<boolean>;
    request(permissions: { origins: string[] }): Promise<boolean>;
  };
}

let api: NativeApi | undefined;

export const native = (): NativeApi =>
  (api ??= (globalThis as { browser?: NativeApi }).browser ?? (globalThis as unknown as { chrome: NativeApi }).chrome);
