/**
 * The opacity a QR is painted with (qr-seen.ts): its own and its ancestors' `opacity` and
 * `filter: opacity()`, multiplied, against MIN_OPACITY. The hit test at the click point and
 * `checkVisibility` need a real layout: tests/e2e/clickjack.test.ts (decoy pages, Chromium) and
 * tests/e2e/firefox/clickjack.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_OPACITY, paintedOpacity } from '../../../../src/content/enroll/qr-seen';

afterEach(() => document.body.replaceChildren());

function qrIn(html: string): Element {
  document.body.innerHTML = html;
  return document.querySelector('[data-test=qr]')!;
}

describe('paintedOpacity', () => {
  it.each([
    ['an opaque QR', '<img data-test=qr>', 1],
    ['opacity 0', '<img data-test=qr style="opacity:0">', 0],
    ['opacity 0.01', '<img data-test=qr style="opacity:0.01">', 0.01],
    ['an ancestor at 0.2', '<div style="opacity:0.2"><span><img data-test=qr></span></div>', 0.2],
    [
      'its own 0.5 under an ancestor at 0.5',
      '<div style="opacity:0.5"><img data-test=qr style="opacity:0.5"></div>',
      0.25,
    ],
    ['filter: opacity(0.01)', '<img data-test=qr style="filter:opacity(0.01)">', 0.01],
    [
      'filter: opacity(1%) blur(1px) on an ancestor',
      '<div style="filter:opacity(1%) blur(1px)"><img data-test=qr></div>',
      0.01,
    ],
  ])('%s', (_name, html, expected) => {
    expect(paintedOpacity(qrIn(html))).toBeCloseTo(expected, 5);
  });

  it('the threshold: 0.6 passes, 0.4 does not (a decoy under it would show as much as the QR)', () => {
    expect(paintedOpacity(qrIn('<img data-test=qr style="opacity:0.6">'))).toBeGreaterThanOrEqual(MIN_OPACITY);
    expect(paintedOpacity(qrIn('<img data-test=qr style="opacity:0.4">'))).toBeLessThan(MIN_OPACITY);
  });

  it("through a shadow root: the host's opacity counts", () => {
    document.body.innerHTML = '<div id=host style="opacity:0.1"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'closed' });
    shadow.innerHTML = '<img data-test=qr>';
    expect(paintedOpacity(shadow.querySelector('img')!)).toBeCloseTo(0.1, 5);
  });
});
