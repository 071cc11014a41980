/**
 * Where a code may be filled with no click (issue 11, finding 5), decided from what the browser says
 * about the sender, never from the message: the frame is the top frame or same-site with the tab's
 * top-level page and with every frame between them (the browser's frame tree), and the frame's origin
 * is https (or the loopback host a developer runs locally). A frame another site embeds, at any depth
 * (A → B → A: the tab's top page is the account's site, but B framed the login page, and can make it
 * all but invisible), or a page sent in the clear, gets our button instead. Its click fills a page
 * sent in the clear; in a frame another site embeds it opens the popup (handlers/fill-request.ts).
 */
import { originMatches, sameOrigin } from '../../core/site';
import { frameAncestors, type FrameAncestors } from '../../platform/web-navigation';
import type { SenderLike } from '../../shared/sender';

/**
 * Hosts that are "potentially trustworthy" over http (https://w3c.github.io/webappsec-secure-contexts/
 * #is-origin-trustworthy): the loopback addresses, and `localhost` and its subdomains, which Chromium
 * and Firefox resolve to loopback themselves (https://www.rfc-editor.org/rfc/rfc6761#section-6.3).
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const loopbackHost = (host: string): boolean => LOOPBACK.has(host) || host.endsWith('.localhost');

/** https, or http on localhost (or a *.localhost name) / 127.0.0.1 / [::1]. */
export function secureOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHost(url.hostname));
  } catch {
    // An origin that does not parse is not a secure one.
    return false;
  }
}

/**
 * The sender is the tab's top frame, or a frame schemeful same-site with the tab's top-level URL
 * (`sender.tab.url`, which the <all_urls> host permission makes present). Unknown top URL: not trusted.
 */
export function topOrSameSite(sender: SenderLike, origin: string): boolean {
  if (sender.frameId === 0) return true;
  const top = sender.tab?.url;
  return typeof top === 'string' && originMatches(top, origin);
}

/**
 * The URLs of the frames that embed the sender's frame, its parent first and the tab's top page last:
 * `[]` for a top frame, null when the browser cannot tell (a tab or frame that is gone, a frame that
 * navigated since it asked).
 */
export async function embedders(sender: SenderLike, frames: FrameAncestors = frameAncestors): Promise<string[] | null> {
  if (sender.frameId === 0) return [];
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId === undefined) return null;
  return frames(tabId, sender.frameId, sender.documentId);
}

/** Whether the embedder at `url` is the frame's own: of its site, or (`exact`) of its origin. */
const ownEmbedder = (url: string, origin: string, exact: boolean): boolean =>
  exact ? sameOrigin(url, origin) : originMatches(url, origin);

/**
 * Whether a frame whose embedders are `above` is embedded only by its own site, or (for an account
 * narrowed to its exact origin, `exact`) its own origin, up to the tab's top page (a top frame's
 * `above` is `[]`). Unknown embedders (null): not its own.
 */
export const embeddedByOwn = (origin: string, above: string[] | null, exact = false): boolean =>
  above !== null && above.every((url) => ownEmbedder(url, origin, exact));

/**
 * The frame is the top frame, or every frame above it, up to the tab's top page, is of its site
 * (schemeful same-site): no other site embeds it at any depth. Unknown embedders: not trusted.
 */
export const embeddedBySite = (sender: SenderLike, origin: string, above: string[] | null): boolean =>
  topOrSameSite(sender, origin) && embeddedByOwn(origin, above);

/**
 * For an account narrowed to its exact origin (`fill.exactOrigin`): every frame above is that origin
 * too, so a user-content subdomain of the site cannot frame the login page and have it filled.
 */
export const embeddedByOrigin = (origin: string, above: string[] | null): boolean => embeddedByOwn(origin, above, true);

/**
 * The host the user sees embedding the frame when another site does: the outermost embedder not of the
 * frame's site (the tab's top page, or a foreign middle frame under a top page of the site); null when
 * only its own site embeds it, '' when the browser could not tell which page does. `exact` (an account
 * narrowed to its exact origin): the same for the frame's origin, as embeddedByOwn.
 */
export function foreignEmbedder(origin: string, above: string[] | null, top?: string, exact = false): string | null {
  if (embeddedByOwn(origin, above, exact)) return null;
  const urls = [...(above ?? []), ...(above === null && top ? [top] : [])];
  for (const url of urls.reverse()) {
    if (ownEmbedder(url, origin, exact)) continue;
    const host = hostOf(url);
    if (host) return host;
  }
  return '';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return ''; // not a URL: no host to name
  }
}

/** All the conditions on the frame for filling without a click. */
export const silentFrame = (sender: SenderLike, origin: string, above: string[] | null): boolean =>
  embeddedBySite(sender, origin, above) && secureOrigin(origin);
