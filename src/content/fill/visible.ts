/**
 * Whether the user can see a code field, checked before asking for a fill with no click (issue 11,
 * finding 5). Decided here, in the content script's isolated world, which the page cannot reach into.
 * A field is seen when it is rendered (`shown`: display, visibility, `hidden`, up through shadow
 * hosts; `checkVisibility` for content-visibility), no ancestor is fully transparent, and a box of real
 * size is left after every clip on the way up (ancestors' overflow, clip-path, clip) and inside the
 * page's scrollable area: not 0×0, not at left:-9999px, not in a collapsed container, not behind
 * `clip-path: inset(50%)`. An input-otp widget is judged by its slots: a transparent input over
 * visible digit slots is seen (classify.ts has already required the slots around it).
 */
import type { OtpTarget } from './classify';
import { parentOf, shown } from './dom';
import { inputsOf } from './observe';

/** Smaller than this (CSS px) is not a field anyone reads or types into. */
const MIN = 8;

/** A computed `clip-path: inset()` length: px, or % of `of`; anything else (calc()) is NaN, which fails closed. */
const len = (v: string | undefined, of: number): number => parseFloat(v!) * (/%/.test(v!) ? of / 100 : 1);

export function seen(el: Element): boolean {
  if (!shown(el) || el.checkVisibility?.() === false) return false;
  const doc = el.ownerDocument;
  const html = doc.documentElement;
  // What is left of the field, in viewport coordinates; at first the page's scrollable area (nobody
  // can scroll to left:-9999px). A NaN anywhere makes the final comparison false.
  let [l, t, r, b] = [-scrollX, -scrollY, html.scrollWidth - scrollX, html.scrollHeight - scrollY];
  const cut = (box: DOMRect, [it, ir, ib, il]: number[] = [0, 0, 0, 0]): void => {
    l = Math.max(l, box.left + il!);
    t = Math.max(t, box.top + it!);
    r = Math.min(r, box.right - ir!);
    b = Math.min(b, box.bottom - ib!);
  };
  for (let node: Element | null = el; node; node = parentOf(node)) {
    const style = getComputedStyle(node);
    const box = node.getBoundingClientRect();
    const path = style.clipPath || 'none';
    const inset = /^inset\((.*)\)$/.exec(path)?.[1]?.split(' round ')[0]!.trim().split(/\s+/);
    // Shapes other than inset() are not worked out: they count as hiding the field.
    if (style.opacity === '0' || /rect/.test(style.clip) || (path !== 'none' && !inset)) return false;
    if (inset) {
      const [top, right = top, bottom = top, left = right] = inset;
      cut(box, [len(top, box.height), len(right, box.width), len(bottom, box.height), len(left, box.width)]);
    }
    if (node === el) cut(box);
    // An ancestor's overflow clips to its box; a scroll container (of some size) to what one can scroll
    // to in it. The root's and body's overflow is the viewport's: the scrollable area above.
    else if (node !== html && node !== doc.body && /hidden|clip|scroll|auto/.test(style.overflow)) {
      const scrolls = /scroll|auto/.test(style.overflow) && box.width >= MIN && box.height >= MIN;
      cut(
        scrolls
          ? new DOMRect(box.left - node.scrollLeft, box.top - node.scrollTop, node.scrollWidth, node.scrollHeight)
          : box,
      );
    }
  }
  return r - l >= MIN && b - t >= MIN;
}

/** Whether the user can see `target` (an input-otp input by its slots, split boxes each). */
export const targetSeen = (target: OtpTarget): boolean =>
  target.kind === 'hidden-real' ? shown(target.input) && seen(target.visual) : inputsOf(target).every(seen);
