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
    expect(calls).toEqual([{ url, init: { credentials, redirect: 'error', cache: 'no-store' } }]);
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
