/**
 * The adapter test tier's extension API: vitest.config.ts resolves `webextension-polyfill` (imported
 * only by src/platform/browser.ts) to this in-memory browser, so the real platform and background code
 * run in node and happy-dom without mocking modules. Tests reset it with `fakeBrowser.reset()`.
 */
import { fakeBrowser } from '@webext-core/fake-browser';

export default fakeBrowser;
