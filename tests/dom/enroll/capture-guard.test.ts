/**
 * The capture guard: a tab capture is asked for only when nothing foreign can paint into the QR's rect
 * (a cross-origin frame under a fake grid, another site's image in a closed shadow root), and its
 * answer is kept only when the page did not change while the capture was taken.
 * happy-dom has no layout: boxes come from `data-rect="x,y,w,h"` (else 0×0 far off screen).
 * The page is http://localhost:3000/.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { guardCapture } from '../../../src/content/enroll/capture-guard';

const closedRoots = new WeakMap<Element, ShadowRoot>();

/** As Chrome's chrome.dom.openOrClosedShadowRoot: closed roots too, and a TypeError for anything but an HTML element. */
function chromeOpenOrClosedShadowRoot(el: Element): ShadowRoot | null {
  if (!(el instanceof HTMLElement))
    throw new TypeError('Error in invocation of dom.openOrClosedShadowRoot(HTMLElement element): ');
  return closedRoots.get(el) ?? el.shadowRoot;
}

/** What the page's own server says about a same-origin image: here, its own plain response. */
let response: () => Promise<Partial<Response>> = async () => ({ type: 'basic', ok: true });
const requested: string[] = [];
const load = ((url: string) => (requested.push(url), response())) as unknown as typeof fetch;
const guard = (el: Element) => guardCapture(el, QR, load);
const QR = { x: 100, y: 100, width: 220, height: 220 };

beforeEach(() => {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const [x, y, width, height] = (this.getAttribute('data-rect') ?? '-5000,-5000,0,0').split(',').map(Number) as [
      number,
      number,
      number,
      number,
    ];
    return {
      x,
      y,
      left: x,
      top: y,
      width,
      height,
      right: x + width,
      bottom: y + height,
      toJSON: () => ({}),
    } as DOMRect;
  });
  vi.stubGlobal('chrome', { dom: { openOrClosedShadowRoot: chromeOpenOrClosedShadowRoot } });
});

afterEach(() => {
  response = async () => ({ type: 'basic', ok: true });
  requested.length = 0;
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** A square closed-shadow host at the QR's place (what detect.ts hands to a capture). */
function closedHost(inner: string, rect = '100,100,220,220'): Element {
  const host = document.createElement('otp-qr');
  host.setAttribute('data-rect', rect);
  const root = host.attachShadow({ mode: 'closed' });
  root.innerHTML = inner;
  closedRoots.set(host, root);
  document.body.append(host);
  return host;
}

/** A 21×21 "QR" grid of empty cells at the QR's place. */
function grid(): Element {
  document.body.insertAdjacentHTML(
    'beforeend',
    `<table id="grid" data-rect="100,100,220,220">${'<tr><td></td></tr>'.repeat(21)}</table>`,
  );
  return document.getElementById('grid')!;
}

describe('refused: the capture could show what this page may not read', () => {
  it.each([
    [
      'a cross-origin <iframe> under the grid',
      '<iframe title="https://victim.example/settings/mfa" data-rect="90,90,300,300"></iframe>',
    ],
    [
      'an <iframe> partly under the grid (corner overlap)',
      '<iframe title="about:blank" data-rect="300,300,400,400"></iframe>',
    ],
    [
      'an <iframe> in the 10% margin around the QR',
      '<iframe title="https://victim.example/" data-rect="325,100,50,50"></iframe>',
    ],
    ['an <object>', '<object data="https://victim.example/qr" data-rect="100,100,220,220"></object>'],
    ['an <embed>', '<embed src="https://victim.example/qr.pdf" data-rect="100,100,220,220">'],
    ['a <video>', '<video src="https://victim.example/qr.webm" data-rect="100,100,220,220"></video>'],
    ['an <iframe> in the closed shadow root of another element, laid over the grid', ''],
  ])('%s', async (name, html) => {
    if (html) document.body.innerHTML = html;
    else closedHost('<iframe title="https://victim.example/" data-rect="0,0,800,600"></iframe>', '0,0,10,10');
    expect(await guard(grid())).toBeNull();
  });

  it("a closed shadow root whose QR is another site's image as a CSS background-image", async () => {
    const host = closedHost(
      '<div data-rect="100,100,220,220" style="width:100%;height:100%;background:#fff url(https://victim.example/mfa/qr.png) center/contain no-repeat"></div>',
    );
    expect(await guard(host)).toBeNull();
  });

  it("a closed shadow root with another site's <img>, or a <picture> source / srcset pointing there", async () => {
    for (const inner of [
      '<img src="https://victim.example/mfa/qr.png" style="width:100%">',
      '<img src="qr.png" srcset="qr.png 1x, https://victim.example/mfa/qr.png 2x">',
      '<picture><source srcset="https://victim.example/mfa/qr.png"><img src="qr.png"></picture>',
      '<svg><image href="https://victim.example/mfa/qr.png" width="220" height="220"></image></svg>',
    ]) {
      document.body.innerHTML = '';
      expect(await guard(closedHost(inner)), inner).toBeNull();
    }
  });

  it('a cross-origin image one closed root further down', async () => {
    const host = closedHost('<inner-qr></inner-qr>');
    const inner = closedRoots.get(host)!.querySelector('inner-qr')!;
    const root = inner.attachShadow({ mode: 'closed' });
    root.innerHTML = '<div style="background-image:url(//victim.example/qr.png)"></div>';
    closedRoots.set(inner, root);
    expect(await guard(host)).toBeNull();
  });

  it('a cross-origin image outside the element that overlaps the rect (drawn over a transparent grid)', async () => {
    document.body.innerHTML =
      '<img src="https://victim.example/qr.png" data-rect="100,100,220,220" style="pointer-events:none">';
    expect(await guard(grid())).toBeNull();
  });

  it.each([
    [
      'a <picture> laid over the grid whose <source> (empty box) points at another site',
      '<picture><source srcset="https://victim.example/qr.png"><img src="ok.png" data-rect="100,100,220,220"></picture>',
    ],
    [
      "an SVG filter elsewhere whose <feImage> (in <defs>) pulls another site's image",
      '<svg><defs><filter id="f"><feImage href="https://victim.example/qr.png"/></filter></defs></svg>',
    ],
    [
      "an element far away with another site's border image (an outset paints over the QR)",
      '<div style="border-image-source:url(https://victim.example/qr.png)" data-rect="900,900,10,10"></div>',
    ],
  ])('%s', async (_name, html) => {
    document.body.innerHTML = html;
    expect(await guard(grid())).toBeNull();
  });

  it('a same-origin URL on a page whose <base> points elsewhere resolves there and is refused', async () => {
    document.head.innerHTML = '<base href="https://victim.example/">';
    try {
      expect(await guard(closedHost('<img src="mfa/qr.png">'))).toBeNull();
    } finally {
      document.head.innerHTML = '';
    }
  });
});

describe("a same-origin image must be this origin's own response", () => {
  const inner = '<div style="background:url(/mfa/qr.png)"></div>';

  it('asked again as a same-origin request that may not redirect; a plain response passes', async () => {
    expect(await guard(closedHost(inner))).toBeTypeOf('function');
    expect(requested).toEqual(['http://localhost:3000/mfa/qr.png']);
  });

  it.each([
    [
      "it redirects (to another site's image, with cookies)",
      async () => ({ type: 'opaqueredirect' as const, ok: false }),
    ],
    [
      "the page's service worker answers with another site's response (refused for a same-origin request)",
      () => Promise.reject(new TypeError('Failed to fetch')),
    ],
    ['the response is CORS from elsewhere', async () => ({ type: 'cors' as const, ok: true })],
    ['it is not there', async () => ({ type: 'basic' as const, ok: false })],
  ])('refused when %s', async (_name, reply) => {
    response = reply;
    expect(await guard(closedHost(inner))).toBeNull();
  });

  it('refused when more than 20 such images are near the QR', async () => {
    expect(await guard(closedHost(Array.from({ length: 21 }, (_, i) => `<img src="/i${i}.png">`).join('')))).toBeNull();
  });
});

describe("allowed: everything in and around the rect is this page's own", () => {
  it.each([
    ['a same-origin CSS background (relative URL)', '<div style="background:url(qr.png)"></div>'],
    [
      'a same-origin CSS background (absolute URL)',
      '<div style="background-image:url(http://localhost:3000/mfa/qr.png)"></div>',
    ],
    [
      'a data: URL background (the shadow-css page)',
      '<div style="background:#fff url(data:image/png;base64,iVBORw0KGgo=) center/contain no-repeat"></div>',
    ],
    [
      'a same-origin <img> and a blob: URL of this page',
      '<img src="/qr.png"><img src="blob:http://localhost:3000/5d1c0f1e-8c1a-4c47-9a0a-0d6e1f4a1c11">',
    ],
  ])('%s', async (_name, inner) => {
    expect(await guard(closedHost(inner))).toBeTypeOf('function');
  });

  it('our own in-field button on the page: an SVG icon in a closed shadow root (Chrome refuses SVG elements to openOrClosedShadowRoot)', async () => {
    const button = document.createElement('clickauth-fill');
    const root = button.attachShadow({ mode: 'closed' });
    root.innerHTML = '<button type="button"><svg viewBox="0 0 24 24"><path d="M0 0h24v24H0z"></path></svg></button>';
    closedRoots.set(button, root);
    document.body.append(button);
    const intact = await guard(closedHost(''));
    expect(intact).toBeTypeOf('function');
    expect(intact!()).toBe(true);
  });

  it('a grid with a cross-origin iframe and image elsewhere on the page (an ad, a CDN logo)', async () => {
    document.body.innerHTML =
      '<iframe title="https://ads.example/" data-rect="700,100,300,250"></iframe><img src="https://cdn.example/logo.png" data-rect="0,0,120,40">';
    expect(await guard(grid())).toBeTypeOf('function');
  });
});

describe('the page must not change while the capture is taken', () => {
  const settle = () => new Promise((done) => setTimeout(done, 0));

  it('nothing changed: the answer stands', async () => {
    const intact = (await guard(grid()))!;
    await settle();
    expect(intact()).toBe(true);
  });

  it('a frame added and removed again meanwhile: the answer is dropped', async () => {
    const intact = (await guard(grid()))!;
    const frame = document.createElement('iframe');
    frame.setAttribute('data-rect', '100,100,220,220');
    document.body.append(frame);
    await settle();
    frame.remove();
    await settle();
    expect(intact()).toBe(false);
  });

  it('a style changed inside a closed shadow root meanwhile: the answer is dropped', async () => {
    const host = closedHost('<div style="background:url(qr.png)"></div>');
    const intact = (await guard(host))!;
    closedRoots.get(host)!.querySelector('div')!.setAttribute('style', 'background:url(qr.png);transform:none');
    await settle();
    expect(intact()).toBe(false);
  });

  it('something scrolled meanwhile: the answer is dropped', async () => {
    const intact = (await guard(grid()))!;
    document.body.dispatchEvent(new Event('scroll'));
    expect(intact()).toBe(false);
  });
});
