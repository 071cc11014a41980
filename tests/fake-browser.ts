/**
 * Adds in-memory parts to the test extension (tests/setup/extension-global.ts) for code that reaches
 * the browser several layers down (background → sendToFrame → tabs.sendMessage). Call it before the
 * first use: webextension-polyfill hands this same object to src/platform.
 */
export function fakeBrowser(parts: Record<string, unknown>): void {
  Object.assign((globalThis as unknown as { browser: object }).browser, parts);
}
