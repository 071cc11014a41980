/**
 * Without IntersectionObserver v2 (Firefox), a top-layer element that holds our host from below (the
 * modal <dialog> a QR is in, issue 18) does not count as covering it — until the page changes it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { watchHolders } from '../../../src/content/held-by';

afterEach(() => {
  document.body.innerHTML = '';
});

function page() {
  document.body.innerHTML =
    '<dialog id="d" open><img id="qr"><div id="host"></div></dialog><div id="pop" popover></div>';
  const $ = (id: string) => document.getElementById(id)!;
  return { dialog: $('d'), host: $('host'), pop: $('pop'), qr: $('qr') };
}

describe('watchHolders', () => {
  it('the dialog holding the host, unchanged: holds', () => {
    const { dialog, host } = page();
    const held = watchHolders();
    expect(held.holds(dialog, host)).toBe(true);
    held.stop();
  });

  it('control: an element that does not hold the host, or the host itself, never does', () => {
    const { pop, host, qr } = page();
    const held = watchHolders();
    expect(held.holds(pop, host)).toBe(false);
    expect(held.holds(qr, host)).toBe(false);
    expect(held.holds(host, host)).toBe(false);
    held.stop();
  });

  it('closed and reopened after the watch began (now above our host in the top layer): no longer, for good', () => {
    const { dialog, host } = page();
    const held = watchHolders();
    dialog.removeAttribute('open');
    dialog.setAttribute('open', '');
    expect(held.holds(dialog, host)).toBe(false);
    held.stop();
  });

  it('a toggle event on it (a popover shown again, a dialog in browsers that fire it): no longer', () => {
    const { dialog, host } = page();
    const held = watchHolders();
    dialog.dispatchEvent(new Event('toggle'));
    expect(held.holds(dialog, host)).toBe(false);
    held.stop();
  });
});
