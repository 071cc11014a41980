/**
 * Access to web sites (the `<all_urls>` host permission: content scripts, QR image fetches, tab
 * captures, the active tab's URL). Chrome grants it at install. Firefox MV3 treats host permissions
 * as optional: the user can withhold or revoke them in about:addons (and before Firefox 127 they were
 * not granted at install at all), so the popup checks and asks.
 * https://extensionworkshop.com/documentation/develop/manifest-v3-migration-guide/#host-permissions
 */
import { native } from './native';

const ALL_SITES = { origins: ['<all_urls>'] };

export interface SiteAccess {
  has(): Promise<boolean>;
  /**
   * Must run in a user gesture's handler, before any await (Firefox drops the gesture after one:
   * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/User_actions).
   */
  request(): Promise<boolean>;
}

export const siteAccess: SiteAccess = {
  has: () => native().permissions.contains(ALL_SITES),
  request: () => native().permissions.request(ALL_SITES),
};
