/**
 * An empty extension for the unit and DOM tiers. webextension-polyfill refuses to load outside an
 * extension (it checks `chrome.runtime.id`) and hands over `globalThis.browser` as it is where one
 * exists (as in Firefox). Tests pass fakes for the browser APIs they use, as parameters; this lets
 * src/platform load, and any API a test reaches without a fake fails loudly (`browser.tabs` is
 * undefined). A test that drives code through several layers adds the parts it needs with
 * `fakeBrowser` (tests/fake-browser.ts).
 */
const extension = { runtime: { id: 'clickauth-test' } };
Object.assign(globalThis, { chrome: extension, browser: extension });
