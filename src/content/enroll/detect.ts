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

const MEDIA = 'img, canvas, svg, object, embed';

/**
 * Every element that may host a shadow root: all but the built-in ones that cannot (DOM's attachShadow
 * allows custom elements and 18 HTML elements), SVG's and MathML's common ones included. Each element we touch gets
 * an object in our isolated world: on a shop page of 3000 elements, asking all of them cost more than
 * the rest of a look at the page; this leaves its divs, spans and paragraphs (~a quarter).
 * https://dom.spec.whatwg.org/#dom-element-attachshadow
 */
const MAY_HOST =
  ':not(a,abbr,address,area,audio,b,base,bdi,bdo,br,button,canvas,caption,cite,code,col,colgroup,data,datalist,dd,del,' +
  'details,dfn,dialog,dl,dt,em,embed,fieldset,figcaption,figure,form,head,hr,html,i,iframe,img,input,ins,kbd,label,legend,' +
  'li,link,map,mark,menu,meta,meter,noscript,object,ol,optgroup,option,output,picture,pre,progress,q,rp,rt,ruby,s,samp,' +
  'script,select,slot,small,source,strong,style,sub,summary,sup,table,tbody,td,template,textarea,tfoot,th,thead,time,' +
  'title,tr,track,u,ul,var,video,wbr,svg,g,path,rect,circle,ellipse,line,polyline,polygon,text,tspan,defs,use,symbol,' +
  'mask,stop,pattern,filter,image,desc,metadata,marker,math,mi,mo,mn,ms,mtext,mrow,mfrac,msqrt,msup,msub)';

/**
 * The shadow roots right under `root` with their hosts: open ones on any element, closed ones on custom
 * elements (names with a hyphen, which is what web components are: the page's other elements are not
 * asked, so pages with thousands of them pay little). Walking every element is the costly part of a
 * look at the page, and enroll and autofill both need it after each change (dom-changes.ts runs them
 * in one task): the walk is kept until the end of the task, when the page may change again.
 */
export function shadowsIn(root: ParentNode): readonly (readonly [Element, ShadowRoot])[] {
  let found = walked?.get(root);
  if (!found) {
    found = [];
    for (const host of root.querySelectorAll(MAY_HOST)) {
      const shadow = host.shadowRoot ?? (host.localName.includes('-') ? shadowOf(host) : null);
      if (shadow) found.push([host, shadow]);
    }
    if (!walked) {
      walked = new WeakMap();
      queueMicrotask(() => (walked = undefined));
    }
    walked.set(root, found);
  }
  return found;
}
let walked: WeakMap<ParentNode, (readonly [Element, ShadowRoot])[]> | undefined;

/** Every image, canvas, SVG, object and embed under `root`, shadow roots included, measured or not. */
export function mediaIn(root: ParentNode = document, out: Element[] = []): Element[] {
  out.push(...root.querySelectorAll(MEDIA));
  for (const [, shadow] of shadowsIn(root)) mediaIn(shadow, out);
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
