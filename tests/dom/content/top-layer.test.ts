/**
 * Without IntersectionObserver v2 (Firefox), which of the page's top-layer elements may be painted over
 * our host (src/content/top-layer.ts). happy-dom has no top layer: here `[data-top]` stands for the
 * `:popover-open` selector (a shim on querySelectorAll). Real Firefox: tests/e2e/firefox/clickjack.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markOurs, watchTopLayer } from '../../../src/content/top-layer';

const shim = (original: (selector: string) => NodeListOf<Element>) =>
  function (this: ParentNode, selector: string) {
    if (selector === ':popover-open') return original.call(this, '[data-top]');
    if (selector === ':modal' || selector === ':fullscreen') return original.call(this, '.none-such');
    return original.call(this, selector);
  } as ParentNode['querySelectorAll'];
const realShadow = ShadowRoot.prototype.querySelectorAll;
beforeEach(() => {
  document.querySelectorAll = shim(Object.getPrototypeOf(document).querySelectorAll);
  ShadowRoot.prototype.querySelectorAll = shim(realShadow);
});
afterEach(() => {
  delete (document as { querySelectorAll?: unknown }).querySelectorAll;
  ShadowRoot.prototype.querySelectorAll = realShadow;
  document.body.innerHTML = '';
});

function page() {
  document.body.innerHTML =
    '<dialog id="d" open data-top><img id="qr"><div id="host" data-top></div></dialog><div id="menu" data-top></div><div id="widget"></div>';
  const $ = (id: string) => document.getElementById(id)!;
  return { dialog: $('d'), host: $('host'), menu: $('menu'), widget: $('widget') };
}
const show = (el: Element) => el.setAttribute('data-top', '');

describe('watchTopLayer', () => {
  it('what was in the top layer when the watch began, unchanged, is below our host (the control)', () => {
    const { host } = page();
    const layer = watchTopLayer();
    expect(layer.above(host)).toEqual([]);
    layer.stop();
  });

  it('a popover shown after it covers our host, wherever its box is', () => {
    const { host } = page();
    const layer = watchTopLayer();
    const cover = document.createElement('div');
    document.body.append(cover);
    show(cover);
    expect(layer.above(host)).toEqual([cover]);
    layer.stop();
  });

  it("a popover shown after it inside a shadow root (which the document's query does not reach) covers it too", () => {
    const { host, widget } = page();
    const layer = watchTopLayer();
    const shadow = widget.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div><div id="cover"></div></div>';
    const cover = shadow.getElementById('cover')!;
    show(cover);
    expect(layer.above(host)).toEqual([cover]);
    layer.stop();
  });

  it('one that was there but was shown again (a toggle event, also inside a shadow root; the open attribute) is above', async () => {
    const { host, menu, dialog, widget } = page();
    const shadow = widget.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div id="inner" data-top></div>';
    const inner = shadow.getElementById('inner')!;
    const layer = watchTopLayer();
    expect(layer.above(host)).toEqual([]);
    menu.dispatchEvent(new Event('toggle'));
    inner.dispatchEvent(new Event('toggle'));
    dialog.removeAttribute('open');
    dialog.setAttribute('open', '');
    expect(new Set(layer.above(host))).toEqual(new Set([menu, inner, dialog]));
    layer.stop();
  });

  it('after our host is shown again (rebase), what covered it is below it', () => {
    const { host } = page();
    const layer = watchTopLayer();
    const cover = document.createElement('div');
    document.body.append(cover);
    show(cover);
    expect(layer.above(host)).toEqual([cover]);
    layer.rebase();
    expect(layer.above(host)).toEqual([]);
    layer.stop();
  });

  it('our own hosts shown later are no cover; one of the page made to look like ours is', () => {
    const { host } = page();
    const layer = watchTopLayer();
    const notice = document.createElement('div');
    notice.setAttribute('data-clickauth-overlay', '');
    markOurs(notice);
    const fake = document.createElement('div');
    fake.setAttribute('data-clickauth-overlay', '');
    document.body.append(notice, fake);
    show(notice);
    show(fake);
    expect(layer.above(host)).toEqual([fake]);
    layer.stop();
  });
});
