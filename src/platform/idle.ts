import { browser } from './browser';

/** The idle API (auto-lock): read on call, so importing this touches no extension API. */
export const idleApi = () => browser.idle;

/**
 * Does the idle API report a locked screen? Chrome's does (`'locked'`); Firefox's reports only
 * `'active'` and `'idle'` (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/idle/IdleState#browser_compatibility),
 * and Firefox is the browser with `runtime.getBrowserInfo`.
 */
export const screenLockReported = (): boolean =>
  typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo !== 'function';
