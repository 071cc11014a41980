/**
 * The page's text and controls near a QR (viewport rectangles): what our label should not cover.
 * Elements far from the QR are skipped with their subtree, and the walk is capped, so a huge page
 * costs little.
 */
import type { Box } from './placement';

const SOLID = 'input,textarea,select,button,img,canvas,svg,video,iframe,object,embed';
const OURS = '[data-clickauth-overlay],[data-clickauth-notice],clickauth-fill,clickauth-cue,script,style';

const box = (r: DOMRect): Box => ({ left: r.left, top: r.top, width: r.width, height: r.height });
const intersects = (a: DOMRect, b: Box): boolean =>
  a.right > b.left && a.left < b.left + b.width && a.bottom > b.top && a.top < b.top + b.height;

export function obstaclesNear(qr: Element, near: Box, limit = 4000, doc: Document = document): Box[] {
  const out: Box[] = [];
  let visited = 0;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (++visited > limit) return NodeFilter.FILTER_REJECT;
      if (node instanceof Text) return node.data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      const el = node as Element;
      if (el === qr || el.matches(OURS)) return NodeFilter.FILTER_REJECT;
      const r = el.getBoundingClientRect();
      if (!r.width && !r.height) return NodeFilter.FILTER_SKIP; // display: contents, or hidden: the children decide
      if (!intersects(r, near)) return NodeFilter.FILTER_REJECT;
      // A control is one obstacle, its subtree (an svg's shapes, a button's text) included.
      if (el.matches(SOLID)) out.push(box(r));
      return el.matches(SOLID) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
  const range = doc.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) out.push(box(r));
  }
  return out;
}
