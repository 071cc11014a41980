/**
 * QR-shaped elements: big enough and square-ish images, canvases, SVGs and <object>/<embed>s (also
 * inside shadow roots, closed ones included), a grid of table cells or divs (drawn from its cells'
 * colours, see grid-source.ts), and a square shadow host with nothing readable inside (cropped from a
 * tab capture).
 */
import { shadowOf } from '../../platform/shadow-root';
import { isHtml, isSvg } from '../tag';

/** Re-exported for the content script's other readers of shadow roots. */
export { shadowOf };

const MIN_SIDE = 48;
/** A QR only a capture can read must be this big (setup pages show them at 150–300 px): small square widgets are not. */
const MIN_CAPTURE_SIDE = 96;

/** Text a host shows, light DOM and shadow root, leaving out style sheets' text. */
function shownText(host: Element, shadow: ShadowRoot): string {
  let text = (host.textContent ?? '') + (shadow.textContent ?? '');
  for (const style of shadow.querySelectorAll('style')) text = text.replace(style.textContent ?? '', '');
  return text.trim();
}

/** A square shadow host that may draw a QR in CSS: big, square, and showing no text (an avatar's initials, a button's icon ligature). */
const captureHost = (host: Element, shadow: ShadowRoot): boolean =>
  qrShaped(host) && host.getBoundingClientRect().width >= MIN_CAPTURE_SIDE && !shownText(host, shadow);

/** Big enough and square-ish; `rect` when the caller has it already (measuring may force a layout). */
export function qrShaped(el: Element, rect?: { width: number; height: number }): boolean {
  if (isSvg(el) && el.parentElement?.closest('svg')) return false;
  if (isHtml(el, 'img') && !el.complete) return false;
  const { width, height } = rect ?? el.getBoundingClientRect();
  return width >= MIN_SIDE && height >= MIN_SIDE && width / height > 0.8 && width / height < 1.25;
}

/**
 * An HTML-drawn QR: n×n cells (n ≥ 21, a version-1 QR; n rows of n, or n² in one flat grid), no text, square overall,
 * and exactly two cell colours along the diagonal (which crosses the finder patterns). A data table
 * or a calendar has text and other proportions.
 */
export function gridQr(grid: Element): boolean {
  const rows = [...grid.children];
  const n = rows.length;
  const flat = (rows[0]?.childElementCount ?? 1) === 0;
  const side = flat ? Math.sqrt(n) : n;
  if (!(side >= 21 && side % 1 === 0) || !qrShaped(grid) || grid.textContent!.trim()) return false;
  if (!flat && rows.some((row) => row.childElementCount !== n)) return false;
  const colours = new Set<string>();
  for (let i = 0; i < side; i++)
    colours.add(getComputedStyle(flat ? rows[i * side + i]! : rows[i]!.children[i]!).backgroundColor);
  return colours.size === 2;
}

/** The media besides SVG (which a look asks by selector, below). */
const RASTER_MEDIA = ['img', 'canvas', 'object', 'embed'];
const RASTER = RASTER_MEDIA.join();
const MEDIA = `${RASTER},svg`;

/**
 * The HTML elements besides custom elements that may host a shadow root (DOM's attachShadow allows
 * these 18): https://dom.spec.whatwg.org/#dom-element-attachshadow.
 */
const MAY_HOST = 'article,aside,blockquote,body,div,footer,h1,h2,h3,h4,h5,h6,header,main,nav,p,section,span';
/**
 * The built-in hosts a look at the page asks: those with nothing in them (`<div id="widget"></div>`),
 * which is what a widget that keeps its content in a shadow root is attached to. One with light
 * content of its own (text, children, even white space) is asked only when the user asks
 * (`thoroughly`): asking a shop page's 800 divs, spans and paragraphs gave each an object in our
 * world, ~1.5 ms of the first look (issue 16's CPU benchmark, heavy page, 25 visits interleaved with
 * the build before: 10.3 → 8.8 ms). `:empty` first, the selector takes ~0.1 ms there.
 */
const BARE_HOST = `:empty:is(${MAY_HOST})`;
/** Custom elements (their names have a hyphen; no selector can say that, XPath can). */
const CUSTOM = "descendant-or-self::*[contains(local-name(),'-')]";

// The DOM's constants by value: reading `Node.DOCUMENT_NODE` or `XPathResult.…` builds that interface's
// object in our isolated world.
const DOCUMENT_NODE = 9; // Node.DOCUMENT_NODE
const DOCUMENT_POSITION_FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
const ORDERED_NODE_SNAPSHOT_TYPE = 7; // XPathResult.ORDERED_NODE_SNAPSHOT_TYPE

/** The document `root` is in (a document is its own). */
const docOf = (root: ParentNode): Document => (root as Node).ownerDocument ?? (root as Document);

/**
 * The elements under `root` that the XPath `expr` (from `descendant-or-self::`) selects, in document
 * order, not inside nested shadow roots. XPath tests names and attributes natively, so the page's
 * other elements never get an object in our isolated world. A shadow root cannot be an XPath context
 * node: its top-level elements are. Without XPath (a DOM without it), `fallback` filters every
 * element matching `selector`.
 */
function xpathIn(root: ParentNode, expr: string, selector: string, fallback: (el: Element) => boolean): Element[] {
  const doc = docOf(root);
  if (typeof doc.evaluate !== 'function') return [...root.querySelectorAll(selector)].filter(fallback);
  const out: Element[] = [];
  const contexts: Iterable<Node> = (root as Node).nodeType === DOCUMENT_NODE ? [root as Node] : root.children;
  for (const context of contexts) {
    const found = doc.evaluate(expr, context, null, ORDERED_NODE_SNAPSHOT_TYPE, null);
    for (let i = 0; i < found.snapshotLength; i++) out.push(found.snapshotItem(i) as Element);
  }
  return out;
}

/** The custom elements under `root`, in document order, not inside nested shadow roots. */
const customElementsIn = (root: ParentNode): Element[] =>
  xpathIn(root, CUSTOM, '*', (el) => el.localName.includes('-'));

/**
 * Media whose declared size rules out a QR: `width` and `height` attributes, both plain numbers, one at
 * least 1.5 times the other (a 640×360 photo, a 300×150 chart canvas; `qrShaped` wants 0.8–1.25).
 * A look at the page leaves them out (they never get an object in our world: 200 product photos were
 * ~2 ms of a shop page's, issue 16's CPU benchmark); "Scan this page" measures every one. CSS could
 * still draw one square (`height: auto` on an image whose file is square, against its own attributes):
 * that one waits for "Scan this page" (and, not decoded on its own, does not keep our in-field button
 * off its page's confirmation field: setup-qrs.ts). SVGs are asked by selector, as before: XPath cannot name them
 * in an HTML document without testing every element's `local-name()` (~1 ms on the shop page).
 */
const SQUARE_ENOUGH = 'not(@width div @height >= 1.5 or @height div @width >= 1.5)';
/** One path per name (one path with a predicate testing the names cost the shop page 5× more). */
export const MEDIA_XPATH = RASTER_MEDIA.map((name) => `descendant-or-self::${name}[${SQUARE_ENOUGH}]`).join(' | ');
/** What XPath's number() reads: digits with an optional point and sign, XPath's white space around. */
const XPATH_NUMBER = /^[ \t\r\n]*-?(?:\d+(?:\.\d*)?|\.\d+)[ \t\r\n]*$/;
const declared = (el: Element, name: string): number => {
  const value = el.getAttribute(name);
  return value !== null && XPATH_NUMBER.test(value) ? Number(value) : NaN;
};
/** Not `SQUARE_ENOUGH`, in script: for SVGs, and where the XPath is not used. */
export function oblong(el: Element): boolean {
  const width = declared(el, 'width');
  const height = declared(el, 'height');
  return width / height >= 1.5 || height / width >= 1.5;
}

const squareEnough = (el: Element): boolean => !oblong(el);
/** Roots a look has asked by XPath once: later looks there ask by selector (`squareEnoughMediaIn`). */
const askedByXpath = new WeakSet<ParentNode>();

/**
 * The media a look asks, but those `known` says the caller has handled already. The first look at a
 * root asks by XPath in an HTML document (unprefixed names are HTML's there only): the page's photos
 * declared oblong get no object in our world. Later looks ask by selector and skip the known ones
 * first: on a page that keeps changing, the XPath was what every look paid (0.33 ms a look on a
 * page with ~200 known square images; issue 16's CPU benchmark, docs/content-speed.md). Media declared
 * oblong are never known: a later look reads their width and height again, as the XPath did.
 */
function squareEnoughMediaIn(root: ParentNode, known?: (el: Element) => boolean): Element[] {
  let found: Element[];
  if (known && askedByXpath.has(root)) {
    found = [];
    for (const el of root.querySelectorAll(RASTER)) if (!known(el) && squareEnough(el)) found.push(el);
  } else {
    found =
      docOf(root).contentType === 'text/html'
        ? xpathIn(root, MEDIA_XPATH, RASTER, squareEnough)
        : [...root.querySelectorAll(RASTER)].filter(squareEnough);
    if (known) {
      askedByXpath.add(root);
      found = found.filter((el) => !known(el));
    }
  }
  for (const svg of root.querySelectorAll('svg')) if (!known?.(svg) && squareEnough(svg)) found.push(svg);
  return found;
}

/** Document order, for the few hosts found by the two queries. */
const inDocumentOrder = (a: readonly [Element, ShadowRoot], b: readonly [Element, ShadowRoot]) =>
  a[0].compareDocumentPosition(b[0]) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1;

let thorough = false;

/**
 * Runs `look` with every built-in element asked for an open shadow root, light content or not: for
 * what the user asked for (a fill from the popup or the shortcut, a fill after picking, the
 * confirmation field after a QR's click, "scan this page"), where a few milliseconds do not matter
 * and a widget's field or QR must not be missed.
 */
export function thoroughly<T>(look: () => T): T {
  const was = thorough;
  thorough = true;
  try {
    return look();
  } finally {
    thorough = was;
  }
}

/**
 * The shadow roots right under `root` with their hosts, in document order: open and closed ones on
 * custom elements (which is what web components are), open ones on the 18 built-in elements that may
 * host one when they are empty (`BARE_HOST`; any of them in a thorough look). Walking the page is the
 * costly part of a look at it, and enroll and autofill both need it after each change (dom-changes.ts
 * runs them in one task): the walk is kept until the end of the task, when the page may change again,
 * one for each kind of look.
 */
export function shadowsIn(root: ParentNode): readonly (readonly [Element, ShadowRoot])[] {
  const cache = thorough ? 1 : 0;
  let found = walked?.[cache].get(root);
  if (!found) {
    found = [];
    for (const host of root.querySelectorAll(thorough ? MAY_HOST : BARE_HOST))
      if (host.shadowRoot) found.push([host, host.shadowRoot]);
    const plain = found.length;
    for (const host of customElementsIn(root)) {
      const shadow = host.shadowRoot ?? shadowOf(host);
      if (shadow) found.push([host, shadow]);
    }
    if (plain && found.length > plain) found.sort(inDocumentOrder);
    if (!walked) {
      walked = [new WeakMap(), new WeakMap()];
      queueMicrotask(() => (walked = undefined));
    }
    walked[cache].set(root, found);
  }
  return found;
}
type Walks = WeakMap<ParentNode, (readonly [Element, ShadowRoot])[]>;
/** This task's walks: [ordinary look, thorough look]. */
let walked: [Walks, Walks] | undefined;

/**
 * Every image, canvas, SVG, object and embed under `root`, shadow roots included, not measured yet:
 * those declared oblong (`SQUARE_ENOUGH`) only in a thorough look. In document order in a thorough
 * look; in a look, each root's SVGs come after its other media. A look leaves out those `known` says
 * the caller has handled (a thorough look asks for every one).
 */
export function mediaIn(root: ParentNode = document, out: Element[] = [], known?: (el: Element) => boolean): Element[] {
  if (thorough) out.push(...root.querySelectorAll(MEDIA));
  else out.push(...squareEnoughMediaIn(root, known));
  for (const [, shadow] of shadowsIn(root)) mediaIn(shadow, out, known);
  return out;
}

/**
 * QRs with no media element: a grid of table cells or divs, and a square shadow host with no media
 * inside that may draw one in CSS (a shadow root with media that is not QR-shaped, an avatar, has no QR).
 */
export function drawnQrs(root: ParentNode = document, out: Element[] = []): Element[] {
  // The 21st cell of the 21st row (a table, a grid of row divs) or the 441st of a flat grid: the
  // selector alone rules out every page without such a grid, so nothing more runs there.
  for (const cell of root.querySelectorAll(':nth-child(21)>:nth-child(21),:nth-child(441)')) {
    let grid = cell.parentElement!;
    if (grid.childElementCount < 441) grid = grid.parentElement!;
    const el = grid.localName === 'tbody' ? grid.parentElement! : grid;
    if (gridQr(grid)) out.push(el);
  }
  for (const [host, shadow] of shadowsIn(root)) {
    const inside = drawnQrs(shadow);
    if (inside.length || shadow.querySelector(MEDIA)) out.push(...inside);
    else if (captureHost(host, shadow)) out.push(host);
  }
  return out;
}

/** Every QR-shaped element under `root` now (the "scan this page" command). */
export function qrCandidates(root: ParentNode = document): Element[] {
  return [...mediaIn(root).filter((el) => qrShaped(el)), ...drawnQrs(root)];
}
