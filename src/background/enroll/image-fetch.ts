/**
 * Fetch a QR image a page names but may not read itself (a cross-origin <img>). Our host permission
 * lifts CORS, so this fetch must not become a way for a page to read what only the user may see:
 *
 * - credentials only for an image of the page's own ORIGIN (its own QR, as its own <img> loads it);
 *   any other image, same site or not, is fetched anonymously, as a stranger would see it;
 * - `cache: 'no-store'`: the extension's fetches share one HTTP cache, so a QR once fetched with
 *   cookies for its own page would otherwise be served to another page's anonymous fetch of the
 *   same URL;
 * - no redirects (`redirect: 'error'`): a URL cannot lead the fetch to another host after the checks;
 * - never a private, loopback or link-local address or a local name (core/site/private-host.ts)
 *   for a page that is not itself on one: the user's router or dev server are not the page's to read.
 *
 * Why the overlay is then no oracle: whether we show "Add to Authenticator" on an image tells the page
 * whether that URL holds an authenticator QR. A page gets this answer only for what it could fetch
 * itself from its own server: an anonymous, uncached response of a public address, not redirected.
 * Left: a public name that resolves to a private address (names are not resolved here), and servers
 * that answer by the client's IP address.
 */
import { isPrivateHost } from '../../core/site';

export async function fetchImage(url: URL, pageOrigin: string, load: typeof fetch = fetch): Promise<Blob | null> {
  let page: URL;
  try {
    page = new URL(pageOrigin);
  } catch {
    // An origin that does not parse: nothing may be fetched for it.
    return null;
  }
  if (isPrivateHost(url.hostname) && !isPrivateHost(page.hostname)) return null;
  const own = url.origin === page.origin;
  const response = await load(url, { credentials: own ? 'include' : 'omit', redirect: 'error', cache: 'no-store' });
  return response.ok ? response.blob() : null;
}
