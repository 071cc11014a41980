/**
 * The single import of the extension API (ARCHITECTURE.md: platform is the only code that touches it).
 * webextension-polyfill gives Chromium the promise-based `browser.*` namespace Firefox has natively
 * (https://github.com/mozilla/webextension-polyfill).
 */
import browser from 'webextension-polyfill';

export type { Menus, Runtime, Tabs } from 'webextension-polyfill';
export { browser };
