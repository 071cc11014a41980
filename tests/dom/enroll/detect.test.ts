/**
 * Which elements the content script treats as QR candidates, on HTML fixtures: the cases that have no
 * pixels to read (a QR drawn as table cells or a div grid, a QR inside a closed shadow root) and the
 * look-alikes that must not cost a capture (data tables, calendars, ordinary web components).
 * happy-dom has no layout: boxes come from a `data-box="W×H"` attribute on the element or an ancestor.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import QRCode from 'qrcode';
import { qrCandidates, shadowOf } from '../../../src/content/enroll/detect';

const closedRoots = new WeakMap<Element, ShadowRoot>();

/** As Chrome's chrome.dom.openOrClosedShadowRoot: closed roots too, and a TypeError for anything but an HTML element. */
function chromeOpenOrClosedShadowRoot(el: Element): ShadowRoot | null {
  if (!(el instanceof HTMLElement))
    throw new TypeError('Error in invocation of dom.openOrClosedShadowRoot(HTMLElement element): ');
  return closedRoots.get(el) ?? el.shadowRoot;
}

beforeEach(() => {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const [width, height] = (this.closest('[data-box]')?.getAttribute('data-box') ?? '0x0').split('x').map(Number) as [
      number,
      number,
    ];
    return {
      x: 10,
      y: 10,
      left: 10,
      top: 10,
      width,
      height,
      right: 10 + width,
      bottom: 10 + height,
      toJSON: () => ({}),
    } as DOMRect;
  });
  // What Chrome gives content scripts (chrome.dom.openOrClosedShadowRoot): closed roots too.
  vi.stubGlobal('chrome', { dom: { openOrClosedShadowRoot: chromeOpenOrClosedShadowRoot } });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** The module matrix of a real authenticator QR, as a QR library computes it. */
function matrix(text = 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example'): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, y) =>
    Array.from({ length: modules.size }, (_, x) => Boolean(modules.get(y, x))),
  );
}

const cellStyle = (dark: boolean) => `width:6px;height:6px;padding:0;background-color:${dark ? '#000000' : '#ffffff'}`;

function tableQr(box = '200x200'): string {
  const rows = matrix().map((row) => `<tr>${row.map((dark) => `<td style="${cellStyle(dark)}"></td>`).join('')}</tr>`);
  return `<table data-box="${box}" style="border-collapse:collapse">${rows.join('')}</table>`;
}

function closedHost(tag: string, box: string, inner: string): Element {
  const host = document.createElement(tag);
  host.setAttribute('data-box', box);
  const root = host.attachShadow({ mode: 'closed' });
  root.innerHTML = inner;
  closedRoots.set(host, root);
  document.body.append(host);
  return host;
}

describe('QRs the content script cannot read pixels from', () => {
  it('an HTML <table> QR: one <td> per module, dark and light backgrounds', () => {
    document.body.innerHTML = `<form><p>Scan this QR code</p>${tableQr()}<input name="code"></form>`;
    expect(qrCandidates()).toEqual([document.querySelector('table')]);
  });

  it('a QR drawn as a flat CSS grid of divs', () => {
    const cells = matrix()
      .flat()
      .map((dark) => `<div style="${cellStyle(dark)}"></div>`);
    document.body.innerHTML = `<div id="grid" data-box="174x174" style="display:grid">${cells.join('')}</div>`;
    expect(qrCandidates()).toEqual([document.getElementById('grid')]);
  });

  it('a QR drawn as rows of divs, with a 4-module quiet zone in the grid', () => {
    const m = matrix();
    const n = m.length + 8;
    const dark = (y: number, x: number) => Boolean(m[y - 4]?.[x - 4]);
    const rows = Array.from(
      { length: n },
      (_, y) =>
        `<div>${Array.from({ length: n }, (_, x) => `<i style="${cellStyle(dark(y, x))}"></i>`).join('')}</div>`,
    );
    document.body.innerHTML = `<section id="qr" data-box="222x222">${rows.join('')}</section>`;
    expect(qrCandidates()).toEqual([document.getElementById('qr')]);
  });

  it("next to an SVG element whose name has a hyphen (an SVG font's <font-face>, no shadow host)", () => {
    document.body.innerHTML = '<svg width="0" height="0"><font-face font-family="x"></font-face></svg>';
    const host = closedHost('qr-code', '220x220', '<canvas data-box="220x220"></canvas>');
    expect(document.querySelector('font-face')!.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(qrCandidates()).toEqual([closedRoots.get(host)!.querySelector('canvas')]);
  });

  it('an <img>/<canvas> inside a closed shadow root is found through openOrClosedShadowRoot, not the host', () => {
    const host = closedHost('qr-code', '220x220', '<canvas data-box="220x220"></canvas>');
    const canvas = closedRoots.get(host)!.querySelector('canvas');
    expect(host.shadowRoot).toBeNull(); // closed: the page (and querySelectorAll) cannot see inside
    expect(qrCandidates()).toEqual([canvas]);
  });

  it('a QR deeper down: a closed root inside a closed root', () => {
    const outer = closedHost('setup-dialog', '600x400', '<p>Scan this QR code</p><inner-qr></inner-qr>');
    const inner = closedRoots.get(outer)!.querySelector('inner-qr')!;
    inner.setAttribute('data-box', '200x200');
    const root = inner.attachShadow({ mode: 'closed' });
    root.innerHTML = '<canvas data-box="200x200"></canvas>';
    closedRoots.set(inner, root);
    expect(qrCandidates()).toEqual([root.querySelector('canvas')]);
  });

  it('a square closed-shadow host with nothing readable inside (a CSS background QR): the host, for a capture', () => {
    const host = closedHost('otp-qr', '220x220', '<div style="width:100%;height:100%;background:url(qr.png)"></div>');
    expect(qrCandidates()).toEqual([host]);
  });

  it('a table QR inside a closed shadow root', () => {
    const host = closedHost('qr-table', '240x300', tableQr());
    expect(qrCandidates()).toEqual([closedRoots.get(host)!.querySelector('table')]);
  });

  it('Firefox: element.openOrClosedShadowRoot', () => {
    vi.unstubAllGlobals();
    const host = closedHost('qr-code', '220x220', '<canvas data-box="220x220"></canvas>');
    Object.defineProperty(host, 'openOrClosedShadowRoot', { value: closedRoots.get(host) });
    expect(shadowOf(host)).toBe(closedRoots.get(host));
    expect(qrCandidates()).toEqual([closedRoots.get(host)!.querySelector('canvas')]);
  });
});

describe('look-alikes that are not QR codes', () => {
  it('an ordinary data table (many rows, few columns, text)', () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) => `<tr><td>${i}</td><td>Order ${i}</td><td>${i * 7} €</td><td>shipped</td></tr>`,
    );
    document.body.innerHTML = `<table data-box="600x800"><thead><tr><th>#</th><th>Order</th><th>Total</th><th>State</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
    expect(qrCandidates()).toEqual([]);
  });

  it('a square 25×25 table of numbers (a multiplication table)', () => {
    const rows = Array.from(
      { length: 25 },
      (_, y) =>
        `<tr>${Array.from({ length: 25 }, (_, x) => `<td style="${cellStyle((x + y) % 2 === 0)}">${(x + 1) * (y + 1)}</td>`).join('')}</tr>`,
    );
    document.body.innerHTML = `<table data-box="500x500">${rows.join('')}</table>`;
    expect(qrCandidates()).toEqual([]);
  });

  it('a calendar grid (7 columns, 6 weeks), with and without day numbers', () => {
    const week = (w: number, text: boolean) =>
      `<tr>${Array.from({ length: 7 }, (_, d) => `<td>${text ? w * 7 + d + 1 : ''}</td>`).join('')}</tr>`;
    document.body.innerHTML = [true, false]
      .map((text) => `<table data-box="280x240">${Array.from({ length: 6 }, (_, w) => week(w, text)).join('')}</table>`)
      .join('');
    expect(qrCandidates()).toEqual([]);
  });

  it('a year of days as a flat grid of 441+ empty divs, all one colour (a contribution graph)', () => {
    const cells = Array.from({ length: 441 }, () => `<div style="${cellStyle(false)}"></div>`);
    document.body.innerHTML = `<div data-box="200x200">${cells.join('')}</div>`;
    expect(qrCandidates()).toEqual([]);
  });

  it('a two-tone 21×21 grid that is not square on screen (a wide seating plan)', () => {
    const rows = Array.from(
      { length: 21 },
      (_, y) =>
        `<tr>${Array.from({ length: 21 }, (_, x) => `<td style="${cellStyle((x * y) % 3 === 0)}"></td>`).join('')}</tr>`,
    );
    document.body.innerHTML = `<table data-box="630x210">${rows.join('')}</table>`;
    expect(qrCandidates()).toEqual([]);
  });

  it('a closed-shadow widget that is not square (a cookie banner, a chat launcher bar)', () => {
    closedHost('cookie-banner', '800x90', '<p>We use cookies</p><button>OK</button>');
    closedHost('chat-launcher', '320x56', '<div style="width:100%;height:100%;background:#0b57d0"></div>');
    expect(qrCandidates()).toEqual([]);
  });

  it('a square closed-shadow widget with a small non-QR image inside (an avatar) is not captured', () => {
    closedHost('user-avatar', '64x64', '<canvas data-box="32x32"></canvas><span>AB</span>');
    expect(qrCandidates()).toEqual([]);
  });

  it('square closed-shadow widgets that show text or are small are not captured (initials avatar, icon button, FAB)', () => {
    closedHost('initials-avatar', '120x120', '<style>div{border-radius:50%}</style><div>JD</div>');
    const fab = closedHost('md-fab', '56x56', '<style>button{width:100%}</style><button></button>');
    fab.textContent = 'add'; // a material icon ligature in the light DOM
    closedHost('icon-tile', '120x120', '<style>div{background:url(icon.png)}</style><div></div>');
    closedHost('small-badge', '80x80', '<div style="background:url(badge.png)"></div>');
    // Only the big textless square remains: nothing here tells it from a CSS-drawn QR, the capture decides.
    expect(qrCandidates()).toEqual([document.querySelector('icon-tile')]);
  });

  it('a page with tables, lists and no square media does no layout or style work at all', () => {
    const style = vi.spyOn(window, 'getComputedStyle');
    document.body.innerHTML = `<h1>Orders</h1><ul>${'<li>item</li>'.repeat(500)}</ul><table>${'<tr><td>a</td><td>b</td></tr>'.repeat(100)}</table><p>Text</p>`;
    expect(qrCandidates()).toEqual([]);
    expect(Element.prototype.getBoundingClientRect).not.toHaveBeenCalled();
    expect(style).not.toHaveBeenCalled();
  });
});

describe('shadowsIn: the elements that may host a shadow root', () => {
  it('finds open and closed roots on every (empty) element that may host one, and asks no other element', async () => {
    const { shadowsIn } = await import('../../../src/content/enroll/detect');
    document.body.innerHTML =
      '<div id="d"></div><span id="s"></span><section id="sec"></section><x-widget id="x"></x-widget>' +
      '<svg><foreignObject><div id="fo"></div></foreignObject><g><rect/></g></svg>' +
      '<ul><li><a href="#">link</a></li></ul><label>Qty <input></label><img alt=""><p id="p"></p>';
    const open = ['d', 's', 'sec', 'fo', 'p'];
    for (const id of open) document.getElementById(id)!.attachShadow({ mode: 'open' });
    for (const id of ['x'])
      closedRoots.set(document.getElementById(id)!, document.getElementById(id)!.attachShadow({ mode: 'closed' }));
    const asked: string[] = [];
    const read = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot')!.get!;
    vi.spyOn(Element.prototype, 'shadowRoot', 'get').mockImplementation(function (this: Element) {
      asked.push(this.localName);
      return read.call(this) as ShadowRoot | null;
    });
    expect(
      shadowsIn(document.body)
        .map(([host]) => host.id)
        .sort(),
    ).toEqual(['d', 'fo', 'p', 's', 'sec', 'x']);
    // In document order (the custom element is found by another query than the divs and spans).
    expect(shadowsIn(document.body).map(([host]) => host.id)).toEqual(['d', 's', 'sec', 'x', 'fo', 'p']);
    // Built-ins that cannot host a shadow root (DOM's attachShadow) and SVG content are never asked.
    expect(
      asked.filter((name) => ['ul', 'li', 'a', 'label', 'input', 'img', 'g', 'rect', 'svg'].includes(name)),
    ).toEqual([]);
  });
});

describe('shadowsIn: built-in hosts with light content of their own', () => {
  it('a look asks only the empty ones; a thorough look (what the user asked for) asks them all', async () => {
    const { shadowsIn, thoroughly } = await import('../../../src/content/enroll/detect');
    // (Text of its own rules a host out too: happy-dom's :empty ignores text, so the e2e test
    // reach-login.test.ts shows that one in Chromium.)
    document.body.innerHTML =
      '<x-widget id="x">light text</x-widget><div id="empty"></div><div id="comment"><!-- mount --></div>' +
      '<section id="kids"><b>fallback</b></section><span id="kid"><b></b></span>';
    for (const id of ['x', 'empty', 'comment', 'kids', 'kid'])
      document.getElementById(id)!.attachShadow({ mode: 'open' });
    const asked: string[] = [];
    const read = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot')!.get!;
    vi.spyOn(Element.prototype, 'shadowRoot', 'get').mockImplementation(function (this: Element) {
      asked.push(this.id || this.localName);
      return read.call(this) as ShadowRoot | null;
    });
    // Custom elements always; built-ins only with nothing in them (comments count as nothing).
    expect(shadowsIn(document.body).map(([host]) => host.id)).toEqual(['x', 'empty', 'comment']);
    // The others are not even asked: no object of ours for a page's every div and span.
    expect(asked.filter((id) => ['kids', 'kid', 'b'].includes(id))).toEqual([]);
    // The same walk, thorough: every host, in document order.
    expect(thoroughly(() => shadowsIn(document.body)).map(([host]) => host.id)).toEqual([
      'x',
      'empty',
      'comment',
      'kids',
      'kid',
    ]);
    // In the same task (both walks still kept): the ordinary look keeps its own, not the thorough one.
    expect(shadowsIn(document.body).map(([host]) => host.id)).toEqual(['x', 'empty', 'comment']);
    await Promise.resolve();
    // And the other way round, after the kept walks are dropped.
    expect(shadowsIn(document.body)).toHaveLength(3);
    expect(thoroughly(() => shadowsIn(document.body))).toHaveLength(5);
  });

  it('a field in such a host is found by a fill the user asked for, not by a look', async () => {
    const { findOtpFields } = await import('../../../src/content/fill/classify');
    const { thoroughly } = await import('../../../src/content/enroll/detect');
    document.body.innerHTML = '<h1>Two-step verification</h1><div id="host"><p>Loading…</p></div>';
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML =
      '<label for="c">Enter the code from your authenticator app</label><input id="c" autocomplete="one-time-code" inputmode="numeric" maxlength="6">';
    expect(findOtpFields(document)).toBeNull();
    const target = thoroughly(() => findOtpFields(document));
    expect(target?.kind).toBe('single');
    // Control: the same widget on an empty host is found by a look.
    document.getElementById('host')!.textContent = '';
    await Promise.resolve();
    expect(findOtpFields(document)?.kind).toBe('single');
  });
});

describe('media declared oblong: left out of a look, measured when the user scans', () => {
  it('oblong() reads width and height as XPath numbers, one at least 1.5 times the other', async () => {
    const { oblong } = await import('../../../src/content/enroll/detect');
    const el = (w: string | null, h: string | null) => {
      const img = document.createElement('img');
      if (w !== null) img.setAttribute('width', w);
      if (h !== null) img.setAttribute('height', h);
      return img;
    };
    const cases = (list: [string | null, string | null][]) => list;
    for (const [w, h] of cases([
      ['640', '360'],
      ['160', '100'],
      ['300', '150'],
      ['100', '150'],
      [' 90 ', '30.0'],
      ['.9', '.3'],
      ['640', '0'],
    ]))
      expect(oblong(el(w, h)), `${w}×${h}`).toBe(true);
    // Square-ish, not both declared, not plain numbers (XPath reads NaN), or both zero: measured as before.
    for (const [w, h] of cases([
      ['200', '200'],
      ['200', '140'],
      ['640', null],
      [null, '360'],
      ['640px', '360'],
      ['100%', '40'],
      ['1e3', '10'],
      ['', '360'],
      ['0', '0'],
      ['+640', '360'],
    ]))
      expect(oblong(el(w, h)), `${w}×${h}`).toBe(false);
  });

  it('the first look at a root asks XPath; later ones ask the selector, leave out what the caller knows, and find what is new or now square', async () => {
    const { mediaIn, oblong, MEDIA_XPATH } = await import('../../../src/content/enroll/detect');
    document.body.innerHTML =
      '<img id="photo" width="640" height="360" alt=""><canvas id="chart" width="300" height="150"></canvas>' +
      '<img id="qr" width="200" height="200" alt=""><svg id="svg" width="40" height="40"></svg>';
    // happy-dom has no XPath: this one answers MEDIA_XPATH as Chromium does (tests/e2e/media-xpath.test.ts),
    // and the custom-element query of the shadow-root walk (none here).
    const media = vi.fn();
    const evaluate = (expr: string, context: Node) => {
      let found: Element[] = [];
      if (expr === MEDIA_XPATH) {
        media();
        found = [...(context as ParentNode).querySelectorAll('img,canvas,object,embed')].filter((el) => !oblong(el));
      }
      return { snapshotLength: found.length, snapshotItem: (i: number) => found[i] };
    };
    Object.defineProperty(document, 'contentType', { value: 'text/html', configurable: true });
    Object.defineProperty(document, 'evaluate', { value: evaluate, configurable: true });
    try {
      const known = new Set<Element>();
      const look = () => {
        const found = mediaIn(document, [], (el) => known.has(el));
        for (const el of found) known.add(el);
        return found.map((el) => el.id);
      };
      expect(look()).toEqual(['qr', 'svg']);
      expect(media).toHaveBeenCalledTimes(1);
      // Nothing new: nothing returned, and no XPath asked.
      expect(look()).toEqual([]);
      // A new square image, a new photo, the chart declared square (a QR library resizing its canvas), a new SVG.
      document.body.insertAdjacentHTML(
        'afterbegin',
        '<img id="late" width="150" height="150" alt=""><img id="banner" width="900" height="200" alt="">',
      );
      document.getElementById('chart')!.setAttribute('height', '300');
      document.body.insertAdjacentHTML('beforeend', '<svg id="svg2"></svg>');
      expect(look()).toEqual(['late', 'chart', 'svg2']);
      expect(media).toHaveBeenCalledTimes(1);
      // A look without `known` (any other caller) asks XPath, as before.
      expect(mediaIn(document).map((el) => el.id)).toEqual(['late', 'chart', 'qr', 'svg', 'svg2']);
      expect(media).toHaveBeenCalledTimes(2);
    } finally {
      delete (document as { evaluate?: unknown }).evaluate;
      delete (document as { contentType?: unknown }).contentType;
    }
  });

  it('a look leaves out a photo and a chart declared oblong; a thorough look (Scan this page) asks them', async () => {
    const { mediaIn, qrCandidates, thoroughly } = await import('../../../src/content/enroll/detect');
    document.body.innerHTML =
      '<img id="photo" width="640" height="360" alt="" data-box="200x200"><canvas id="chart" width="300" height="150" data-box="200x200"></canvas>' +
      '<img id="qr" width="200" height="200" alt="" data-box="200x200"><img id="free" alt="" data-box="200x200">' +
      '<svg id="svg" width="100%" height="40" data-box="200x200"></svg>';
    for (const img of document.querySelectorAll('img')) Object.defineProperty(img, 'complete', { value: true });
    expect(mediaIn(document).map((el) => el.id)).toEqual(['qr', 'free', 'svg']);
    // The control: drawn square by CSS (as the boxes here say), "Scan this page" finds them all.
    expect(thoroughly(() => qrCandidates()).map((el) => el.id)).toEqual(['photo', 'chart', 'qr', 'free', 'svg']);
    // Declared square later (a QR library resizing its canvas): the next look asks it.
    document.getElementById('chart')!.setAttribute('height', '300');
    expect(mediaIn(document).map((el) => el.id)).toEqual(['chart', 'qr', 'free', 'svg']);
  });
});
