/**
 * Where a code may be filled with no click (issue 11, finding 5), decided from what the browser says
 * about the sender, never from the message: the frame is the top frame or same-site with the tab's
 * top-level page, and the frame's origin is https (or the loopback host a developer runs locally).
 * A frame another site embeds, or a page sent in the clear, gets our button instead: a click still fills.
 */
import { originMatches } from '../../core/site';
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

/** All the conditions on the frame for filling without a click. */
export const silentFrame = (sender: SenderLike, origin: string): boolean =>
  topOrSameSite(sender, origin) && secureOrigin(origin);
