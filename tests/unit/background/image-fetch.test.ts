/** How the background fetches a QR image a page names (enroll/image-fetch.ts). */
import { describe, expect, it } from 'vitest';
import { fetchImage } from '../../../src/background/enroll/image-fetch';

function recorder() {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const load = (async (url: URL | RequestInfo, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return new Response(new Blob(['png'], { type: 'image/png' }));
  }) as typeof fetch;
  return { calls, load };
}

describe('fetchImage', () => {
  it.each([
    ["the page's own origin: with cookies", 'https://bank.test/qr.png', 'https://bank.test', 'include'],
    ['same site, another origin: anonymous', 'https://img.bank.test/qr.png', 'https://www.bank.test', 'omit'],
    ['another port: anonymous', 'https://bank.test:8443/qr.png', 'https://bank.test', 'omit'],
    ['another site: anonymous', 'https://cdn.test/qr.png', 'https://bank.test', 'omit'],
  ])('%s, never cached, never redirected', async (_name, url, page, credentials) => {
    const { calls, load } = recorder();
    expect(await fetchImage(new URL(url), page, load)).not.toBeNull();
    expect(calls).toEqual([
      { url, init: { credentials, redirect: 'error', cache: 'no-store', signal: expect.any(AbortSignal) } },
    ]);
  });

  it.each([
    ['http://127.0.0.1:8080/qr.png', 'https://evil.test'],
    ['http://[::1]/qr.png', 'https://evil.test'],
    ['http://192.168.1.1/qr.png', 'https://evil.test'],
    ['http://169.254.169.254/latest', 'https://evil.test'],
    ['http://app.localhost/qr.png', 'https://evil.test'],
  ])('%s from a public page: not fetched', async (url, page) => {
    const { calls, load } = recorder();
    expect(await fetchImage(new URL(url), page, load)).toBeNull();
    expect(calls).toEqual([]);
  });

  it('a page that is itself local may show a local image', async () => {
    const { calls, load } = recorder();
    expect(await fetchImage(new URL('http://127.0.0.1:9000/qr.png'), 'http://localhost:3000', load)).not.toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('an error answer is no image', async () => {
    const load = (async () => new Response('no', { status: 403 })) as typeof fetch;
    expect(await fetchImage(new URL('https://cdn.test/qr.png'), 'https://bank.test', load)).toBeNull();
  });
});

/** A body of `chunk`-byte pieces, `count` of them (Infinity: endless), each after `delayMs`; counts the bytes pulled. */
function body(chunk: number, count: number, delayMs = 0) {
  const pulled = { bytes: 0, cancelled: false };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      if (sent++ >= count) return controller.close();
      pulled.bytes += chunk;
      controller.enqueue(new Uint8Array(chunk));
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { stream, pulled };
}

describe('fetchImage: bounded download (a page server that answers our fetch with an endless or huge body)', () => {
  const url = new URL('https://cdn.test/qr.png');
  const page = 'https://bank.test';
  const limits = { maxBytes: 1024 * 1024, timeoutMs: 300 };
  const serve = (stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
    (async () => new Response(stream, { headers: { 'content-type': 'image/png', ...headers } })) as typeof fetch;

  it('an endless body is dropped once it passes the cap', async () => {
    const { stream, pulled } = body(64 * 1024, Number.POSITIVE_INFINITY);
    expect(await fetchImage(url, page, serve(stream), limits)).toBeNull();
    expect(pulled.bytes).toBeLessThanOrEqual(limits.maxBytes + 2 * 64 * 1024);
    expect(pulled.cancelled).toBe(true);
  });

  it('a Content-Length over the cap is refused before the body is read', async () => {
    const { stream, pulled } = body(64 * 1024, 200);
    const declared = { 'content-length': String(200 * 64 * 1024) };
    expect(await fetchImage(url, page, serve(stream, declared), limits)).toBeNull();
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024); // at most what the stream queued on its own
  });

  it('a Content-Length that understates the body does not lift the cap', async () => {
    const { stream, pulled } = body(64 * 1024, Number.POSITIVE_INFINITY);
    expect(await fetchImage(url, page, serve(stream, { 'content-length': '100' }), limits)).toBeNull();
    expect(pulled.bytes).toBeLessThanOrEqual(limits.maxBytes + 2 * 64 * 1024);
  });

  it('an endless trickle is cut by the timeout', async () => {
    const { stream, pulled } = body(16, Number.POSITIVE_INFINITY, 20);
    const started = performance.now();
    expect(await fetchImage(url, page, serve(stream), limits)).toBeNull();
    expect(performance.now() - started).toBeLessThan(limits.timeoutMs + 1000);
    expect(pulled.cancelled).toBe(true);
  });

  it('a server that never answers is cut by the timeout', async () => {
    const load = ((_url: URL, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal!.addEventListener('abort', () => reject(init.signal!.reason)),
      )) as unknown as typeof fetch;
    expect(await fetchImage(url, page, load, limits)).toBeNull();
  });

  it('control: an image under the cap arrives whole, with its type', async () => {
    const { stream } = body(1000, 5);
    const blob = await fetchImage(url, page, serve(stream, { 'content-length': '5000' }), limits);
    expect(blob?.size).toBe(5000);
    expect(blob?.type).toBe('image/png');
  });
});
