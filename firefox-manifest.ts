/**
 * The Firefox manifest, derived from the one source manifest (manifest.json) at build time
 * (`vite build --mode firefox` writes dist/firefox). Each difference is Firefox's, not a choice:
 *
 * - `background.scripts` instead of `service_worker`: Firefox runs MV3 backgrounds as event pages
 *   (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/manifest.json/background).
 * - `browser_specific_settings.gecko`: AMO needs a stable id
 *   (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/manifest.json/browser_specific_settings);
 *   `data_collection_permissions` is Firefox's
 *   data-collection declaration (we collect nothing: `required: ["none"]`), understood from Firefox 140
 *   (https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/).
 * - no `offscreen`: a Chrome-only permission (https://developer.chrome.com/docs/extensions/reference/api/offscreen);
 *   Firefox's background page has a DOM, so it clears the clipboard itself (src/background/clipboard-clear.ts).
 * - no `minimum_chrome_version`: Chrome's key
 *   (https://developer.chrome.com/docs/extensions/reference/manifest/minimum-chrome-version).
 */
import source from './manifest.json' with { type: 'json' };

export const GECKO_ID = 'clickauth@clickauth';

type Manifest = typeof source;

export function firefoxManifest(manifest: Manifest = source): Record<string, unknown> {
  const { background, permissions, minimum_chrome_version: _chromeOnly, ...rest } = manifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: background.type },
    permissions: permissions.filter((name) => name !== 'offscreen'),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // 140 (ESR): the first with data_collection_permissions; storage.session, MV3 host-permission
        // prompts and module background scripts all come earlier.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android reads data_collection_permissions from 142 (web-ext lint:
      // KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION otherwise).
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}
