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
 *
 * Bounded (the reviewer's denial of service: a page's server answered our fetch, told apart by its
 * headers, with an endless body that `response.blob()` read to 64 MB): a declared Content-Length over
 * MAX_IMAGE_BYTES is refused before the body is read, the body is streamed and dropped as soon as it
 * passes MAX_IMAGE_BYTES, and the whole fetch, body included, is aborted after FETCH_TIMEOUT_MS. Each
 * of these is "no image" (null), as an error answer is: the page gets no button on it.
 */
import { isPrivateHost } from '../../core/site';
import { MAX_IMAGE_BYTES } from '../../shared/validate/enroll';

/** A QR image is a few KB; a slow server gets this long for headers and body together. */
export const FETCH_TIMEOUT_MS = 5000;

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
}
const LIMITS: FetchLimits = { maxBytes: MAX_IMAGE_BYTES, timeoutMs: FETCH_TIMEOUT_MS };

export async function fetchImage(
  url: URL,
  pageOrigin: string,
  load: typeof fetch = fetch,
  limits: FetchLimits = LIMITS,
): Promise<Blob | null> {
  let page: URL;
  try {
    page = new URL(pageOrigin);
  } catch {
    // An origin that does not parse: nothing may be fetched for it.
    return null;
  }
  if (isPrivateHost(url.hostname) && !isPrivateHost(page.hostname)) return null;
  const own = url.origin === page.origin;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const credentials = own ? 'include' : 'omit';
    const response = await load(url, { credentials, redirect: 'error', cache: 'no-store', signal });
    return await readCapped(response, limits.maxBytes, signal);
  } catch (error) {
    // Our timeout (headers or body too slow) is no image; any other failure is the caller's to report.
    if (signal.aborted) return null;
    throw error;
  }
}

/** The body as a Blob of the response's type, or null: an error status, too long, or cut by `signal`. */
async function readCapped(response: Response, maxBytes: number, signal: AbortSignal): Promise<Blob | null> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (!response.ok || declared > maxBytes) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return new Blob([]);
  const reader = response.body.getReader();
  // A body that does not honour the signal (a fake in a test, or a stream held up before it) still
  // stops: cancelling the reader ends the pending read.
  const stop = () =>
    void reader.cancel(signal.reason).catch(() => {
      // Cancelling a stream that already failed: the read below reports nothing more to wait for.
    });
  signal.addEventListener('abort', stop, { once: true });
  if (signal.aborted) stop();
  try {
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) return null;
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
    return new Blob(chunks, { type: (response.headers.get('content-type') ?? '').toLowerCase() });
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
