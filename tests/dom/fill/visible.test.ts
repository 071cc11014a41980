/**
 * The content script's "does the user see this field" check, which gates filling with no click
 * (issue 11, finding 5): what is hidden, clipped or off the page is not seen; a transparent input-otp
 * input over visible slots is. Layout is given by hand (happy-dom has none; e2e tests run it for real).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { findOtpFields } from '../../../src/content/fill';
import { seen, targetSeen } from '../../../src/content/fill/visible';
import { attachDeclarativeShadowRoots } from './fixtures';
import { pageSize, place, scrollSize } from './layout';

const $ = (selector: string) => document.querySelector(selector)!;
const field = '<input id="c" autocomplete="one-time-code">';

beforeEach(() => {
  document.body.innerHTML = '';
  pageSize(1280, 2000); // a page taller than its 720 px viewport
});

type At = readonly [x: number, y: number, width?: number, height?: number];
type Placed = readonly [selector: string, x: number, y: number, width: number, height: number];
type Row = [name: string, html: string, at: At, boxes?: readonly Placed[]];

/** `html` with the field (#c) placed at x, y (200 × 40), and each `[selector, x, y, w, h]` placed too. */
function page(html: string, at: At = [100, 100], boxes: readonly Placed[] = []): Element {
  document.body.innerHTML = html;
  attachDeclarativeShadowRoots(document);
  for (const [selector, x, y, width, height] of boxes) place($(selector), x, y, width, height);
  const input = ($('#c') as Element | null) ?? $('#host').shadowRoot!.querySelector('#c')!;
  place(input, at[0], at[1], at[2] ?? 200, at[3] ?? 40);
  return input;
}

describe('seen (a field filled with no click must be one the user sees)', () => {
  it.each<Row>([
    ['a plain field in view', field, [100, 100]],
    ['below the fold, inside the page (one can scroll to it)', field, [100, 1500]],
    [
      'partly cut by a container, most of it shown',
      `<div id="w" style="overflow:hidden">${field}</div>`,
      [100, 100],
      [['#w', 0, 0, 250, 300]],
    ],
    [
      'clip-path: inset(0 round 8px) (rounded corners)',
      `<div id="w" style="clip-path: inset(0px round 8px)">${field}</div>`,
      [100, 100],
      [['#w', 90, 90, 300, 100]],
    ],
  ])('seen: %s', (_name, html, at, boxes) => {
    expect(seen(page(html, at, boxes))).toBe(true);
  });

  it.each<Row>([
    ['display:none', `<input id="c" style="display:none">`, [100, 100]],
    ['visibility:hidden on an ancestor', `<div style="visibility:hidden">${field}</div>`, [100, 100]],
    ['the hidden attribute on an ancestor', `<div hidden>${field}</div>`, [100, 100]],
    [
      'inside a shadow host that is display:none',
      `<div id="host" style="display:none"><template shadowrootmode="open">${field}</template></div>`,
      [100, 100],
    ],
    ['0×0', field, [100, 100, 0, 0]],
    ['1×1 (a tracking-pixel sized field)', field, [100, 100, 1, 1]],
    ['off-screen at left:-9999px', field, [-9999, 100]],
    ['above the page (top:-9999px)', field, [100, -9999]],
    ['beyond the end of the page', field, [100, 5000]],
    [
      'in a collapsed container (height 0, overflow hidden)',
      `<div id="w" style="overflow:hidden">${field}</div>`,
      [100, 100],
      [['#w', 100, 100, 600, 0]],
    ],
    [
      'in a 0-height scroll container',
      `<div id="s" style="overflow:auto">${field}</div>`,
      [100, 100],
      [['#s', 100, 100, 600, 0]],
    ],
    [
      'clip-path: inset(50%) on its container',
      `<div id="w" style="clip-path: inset(50%)">${field}</div>`,
      [100, 100],
      [['#w', 100, 100, 200, 40]],
    ],
    [
      'clip-path: inset(0 0 100% 0) on the field',
      `<input id="c" style="clip-path: inset(0px 0px 100% 0px)">`,
      [100, 100],
    ],
    [
      'clip-path: circle(0) (shapes other than inset count as hiding)',
      `<div id="w" style="clip-path: circle(0px)">${field}</div>`,
      [100, 100],
      [['#w', 100, 100, 200, 40]],
    ],
    [
      'clip: rect(0 0 0 0) (the screen-reader-only pattern)',
      `<div id="w" style="position:absolute;clip:rect(0px, 0px, 0px, 0px)">${field}</div>`,
      [100, 100],
      [['#w', 100, 100, 200, 40]],
    ],
    ['a fully transparent ancestor', `<div style="opacity:0">${field}</div>`, [100, 100]],
  ])('not seen: %s', (_name, html, at, boxes) => {
    expect(seen(page(html, at, boxes))).toBe(false);
  });

  it('a scroll container: reachable content counts, content past its scrollable size does not', () => {
    const input = page(`<div id="s" style="overflow:scroll">${field}</div>`, [100, 900], [['#s', 0, 0, 400, 300]]);
    scrollSize($('#s'), 400, 1200);
    expect(seen(input)).toBe(true);
    scrollSize($('#s'), 400, 600);
    expect(seen(input)).toBe(false);
  });
});

describe('targetSeen', () => {
  const otp = (style: string) =>
    `<form><label for="c">One-time password</label><div id="slots"><div></div><div></div><div></div><div></div><div></div><div></div>` +
    `<input id="c" autocomplete="one-time-code" maxlength="6" style="${style}"></div></form>`;

  it('an input-otp widget: the transparent input over visible slots is seen; the slots off-screen are not', () => {
    const input = page(otp('opacity:0'), [100, 100, 240, 44]);
    place($('#slots'), 100, 100, 240, 44);
    const target = findOtpFields(document);
    expect(target?.kind).toBe('hidden-real');
    expect(seen(input)).toBe(false); // transparent itself...
    expect(targetSeen(target!)).toBe(true); // ...but judged by the slots the user sees
    place($('#slots'), -9999, 100, 240, 44);
    expect(targetSeen(target!)).toBe(false);
  });

  it('split boxes: every box must be seen', () => {
    document.body.innerHTML =
      '<h2>Enter the 6-digit code</h2><div id="boxes">' +
      [0, 1, 2, 3, 4, 5].map((i) => `<input id="b${i}" maxlength="1" inputmode="numeric">`).join('') +
      '</div>';
    [0, 1, 2, 3, 4, 5].forEach((i) => place($(`#b${i}`), 100 + i * 40, 100, 32, 40));
    const target = findOtpFields(document)!;
    expect(target.kind).toBe('split');
    expect(targetSeen(target)).toBe(true);
    place($('#b5'), -9999, 100, 32, 40);
    expect(targetSeen(target)).toBe(false);
  });
});
