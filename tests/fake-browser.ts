import { fakeBrowser as adapterBrowser } from '@webext-core/fake-browser';

/**
 * Adds in-memory parts to the test extension (tests/setup/extension-global.ts) for code that reaches
 * the browser several layers down (background → sendToFrame → tabs.sendMessage). Call it before the
 * first use: webextension-polyfill hands this same object to src/platform.
 */
export function fakeBrowser(parts: Record<string, unknown>): void {
  Object.assign((globalThis as unknown as { browser: object }).browser, parts);
  // vitest.config.ts resolves webextension-polyfill to the adapter tier's in-memory browser: the
  // object src/platform holds.
  Object.assign(adapterBrowser, parts);
}

/**
 * The content script's side of messaging (platform/runtime-lite.ts): `answer` gives the value the
 * background would reply for each message; words are their locale keys. Call before runtime-lite loads.
 */
export function fakeContentRuntime(answer: (message: Record<string, unknown>) => unknown): void {
  fakeBrowser({
    runtime: {
      id: 'clickauth-test',
      sendMessage: async (message: Record<string, unknown>) => ({ ok: true, value: await answer(message) }),
      onMessage: { addListener: () => undefined },
    },
    i18n: { getMessage: () => '' },
  });
}
