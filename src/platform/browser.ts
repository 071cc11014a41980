/**
 * The single import of webextension-polyfill (ARCHITECTURE.md: platform is the only code that touches
 * the extension API). The polyfill gives Chromium the promise-based `browser.*` namespace Firefox has
 * natively (https://github.com/mozilla/webextension-polyfill). The content script and the popup use
 * the API as the browser gives it instead (./native.ts): they must start fast, and the calls they make
 * return promises in both browsers.
 */
import browser from 'webextension-polyfill';

export type { Menus, Runtime, Tabs } from 'webextension-polyfill';
export { browser };
