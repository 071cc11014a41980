import { browser } from './browser';

/** The idle API (auto-lock): read on call, so importing this touches no extension API. */
export const idleApi = () => browser.idle;
