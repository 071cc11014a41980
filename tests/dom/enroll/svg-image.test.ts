/**
 * django-two-factor's QR (issue 13): an <img> at a same-origin URL with no extension that answers
 * image/svg+xml. Which image URLs are asked for their type, and how the answer is read.
 */
import { describe, expect, it } from 'vitest';
import { mayBeSvg, servedAsSvg } from '../../../src/content/enroll/svg-image';

const PAGE = 'https://shop.example/account/two_factor/setup/';
const HERE = 'https://shop.example';

describe('which images may be an SVG the URL does not name', () => {
  it.each([
    ['/account/two_factor/qrcode/', true],
    ['qrcode', true],
    ['/qr?token=abc', true],
    ['/static/qr.png', false],
    ['/static/QR.JPG', false],
    ['/media/avatar.webp?s=96', false],
    ['/static/qr.svg', false], // named: rasterised without asking
    ['https://cdn.example/qrcode/', false], // another origin: its pixels are fetched by the background
    ['data:image/png;base64,AAAA', false],
    ['blob:https://shop.example/5f0c', false],
  ])('%s → %s', (src, expected) => {
    expect(mayBeSvg(src, PAGE, HERE)).toBe(expected);
  });
});

describe('servedAsSvg', () => {
  const answer = (type: string | null, status = 200) => {
    const calls: [string, RequestInit | undefined][] = [];
    const get = (async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return new Response('<svg xmlns="http://www.w3.org/2000/svg"/>', {
        status,
        headers: type ? { 'content-type': type } : {},
      });
    }) as typeof fetch;
    return { get, calls };
  };

  it('reads the Content-Type, from the HTTP cache where the browser has it', async () => {
    const { get, calls } = answer('image/svg+xml; charset=utf-8');
    expect(await servedAsSvg('/account/two_factor/qrcode/', get)).toBe(true);
    expect(calls).toEqual([['/account/two_factor/qrcode/', { cache: 'force-cache', credentials: 'same-origin' }]]);
  });

  it.each([
    ['a PNG', 'image/png', 200],
    ['an HTML page', 'text/html', 200],
    ['no type', null, 200],
    ['an error page that says SVG', 'image/svg+xml', 404],
  ])('%s: not an SVG', async (_name, type, status) => {
    expect(await servedAsSvg('/qr', answer(type, status).get)).toBe(false);
  });

  it('a failed request: not an SVG (the image is drawn as a raster one)', async () => {
    const get = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await servedAsSvg('/qr', get)).toBe(false);
  });
});
