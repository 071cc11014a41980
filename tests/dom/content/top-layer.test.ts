/**
 * Without IntersectionObserver v2 (Firefox), which of the page's top-layer elements may be painted over
 * our host (src/content/top-layer.ts). happy-dom has no top layer: here `[data-top]`, `[data-modal]`
 * and `[data-fs]` stand for `:popover-open`, `:modal` and `:fullscreen` (a shim on querySelectorAll).
 * Real Firefox: tests/e2e/firefox/clickjack.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markOurs, watchTopLayer } from '../../../src/content/top-layer';

const STANDS_FOR: Record<string, string> = {
  ':popover-open': '[data-top]',
  ':modal': '[data-modal]',
  ':fullscreen': '[data-fs]',
};
const shim = (original: (selector: string) => NodeListOf<Element>) =>
  function (this: ParentNode, selector: string) {
    return original.call(this, STANDS_FOR[selector] ?? selector);
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
    '<dialog id="d" open data-modal><img id="qr"><div id="host" data-top></div></dialog><div id="widget"></div>';
  const $ = (id: string) => document.getElementById(id)!;
  return { dialog: $('d'), host: $('host'), widget: $('widget') };
}
const popover = (parent: ParentNode = document.body) => {
  const el = document.createElement('div');
  el.setAttribute('data-top', '');
  parent.append(el);
  return el;
};

describe('watchTopLayer', () => {
  it('the modal dialog our host is in, open since before the watch and unchanged, is below it (the control)', () => {
    const { host } = page();
    const layer = watchTopLayer();
    expect(layer.above(host)).toEqual([]);
    layer.stop();
  });

  it("any popover of the page covers our host, shown before the watch or after, wherever its box is (its toggle events are the page's to stop)", () => {
    const early = popover();
    const { host } = page();
    document.body.append(early);
    const layer = watchTopLayer();
    const late = popover();
    expect(layer.above(host)).toEqual([early, late]);
    layer.stop();
  });

  it('a popover in a shadow root (which a query of the document does not reach) covers it too', () => {
    const { host, widget } = page();
    const layer = watchTopLayer();
    const shadow = widget.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div><div id="inner"></div></div>';
    const cover = popover(shadow.getElementById('inner')!);
    expect(layer.above(host)).toEqual([cover]);
    layer.stop();
  });

  it('the dialog closed and reopened since (now above our host), or made fullscreen, covers it; shown again on top (rebase), ours is above it', () => {
    const { host, dialog } = page();
    const layer = watchTopLayer();
    dialog.removeAttribute('open');
    dialog.setAttribute('open', '');
    expect(layer.above(host)).toEqual([dialog]);
    layer.rebase();
    expect(layer.above(host)).toEqual([]);
    dialog.setAttribute('data-fs', '');
    expect(layer.above(host)).toEqual([dialog]);
    layer.stop();
  });

  it('a modal dialog opened after the watch covers it', () => {
    const { host } = page();
    const layer = watchTopLayer();
    const later = document.createElement('dialog');
    later.setAttribute('data-modal', '');
    document.body.append(later);
    expect(layer.above(host)).toEqual([later]);
    layer.stop();
  });

  it('our own hosts are no cover; an element of the page made to look like ours is', () => {
    const { host } = page();
    const layer = watchTopLayer();
    const notice = popover();
    notice.setAttribute('data-clickauth-overlay', '');
    markOurs(notice);
    const fake = popover();
    fake.setAttribute('data-clickauth-overlay', '');
    expect(layer.above(host)).toEqual([fake]);
    layer.stop();
  });
});
