/**
 * A tab capture reads pixels this page itself may not read: a cross-origin frame (rendered with the
 * user's cookies) under a fake QR grid, another site's QR image as a CSS background in a closed shadow
 * root. Decoding those would bind another site's key to this page and fill its code here. So a capture
 * is asked for only when nothing that may paint into the rect (margin included) or sits inside the
 * element is foreign: no frame, embed, object, video, portal or canvas (a canvas may show a tainted
 * image) touching it, no SMIL animation anywhere, and every image URL (src, currentSrc, srcset, SVG
 * href; computed url()s of the element and its pseudo-elements; anywhere: <source>, SVG <image>,
 * <feImage> and <use>, border images, no box reflection) is data: or same-origin (blob: has its
 * creator's origin), and a same-origin one is served by this origin itself (no redirect). Not
 * covered: a foreign url() only in a :hover/:focus rule that applies after the check (no DOM change
 * to notice). Same-origin, not same-site: the content script has no public suffix list, so anything
 * else is refused. Shadow roots count, closed ones too (shadowOf).
 * The page may swap things in while the capture waits its turn (a frame shown for a second, a CSS
 * animation): a running animation refuses, and the returned check fails if anything in the DOM
 * changed or anything scrolled meanwhile.
 */
import { shadowOf } from './detect';

/** Elements that show pixels this page may not read (a canvas may hold a tainted image). */
const FOREIGN = /^(i?frame|embed|object|video|portal|canvas)$/;
/** SMIL animation elements: they change what is painted without a DOM change. */
const SMIL = /^(animate\w*|set)$/;
/** A <picture>'s <source> and SVG <image>/<feImage>/<use> paint through other elements. */
const PAINTS_ELSEWHERE = /^(source|image|feImage|use)$/;

/** Any element's ::before and ::after may be positioned over the rect from anywhere. */
const PSEUDOS_ANYWHERE = ['::before', '::after'];
/** A top-layer element's ::backdrop covers the viewport. */
const PSEUDOS_TOP_LAYER = PSEUDOS_ANYWHERE.concat('::backdrop');
/** An element touching the rect: its own style ('') and every pseudo-element that may paint. */
const PSEUDOS_TOUCHING = PSEUDOS_TOP_LAYER.concat('', '::marker', '::first-letter', '::first-line');
// mask-image covers its -webkit- alias; -webkit-mask-box-image is Chrome's own.
const PROPS = [
  'backgroundImage',
  'content',
  'maskImage',
  'webkitMaskBoxImageSource',
  'borderImageSource',
  'listStyleImage',
] as const;

/** data:, or this page's own origin (blob: has its creator's origin). */
function own(u: string, base: string): boolean {
  try {
    const url = new URL(u, base);
    return url.protocol == 'data:' || url.origin == location.origin;
  } catch {
    // Not a URL at all (the CSS scan takes every quoted string): nothing we can vouch for.
    return false;
  }
}

type Box = { x: number; y: number; width: number; height: number };

/** Same-origin http(s) image URLs seen by clean(): they may still redirect to another site (see served). */
type Local = Set<string>;

/** Whether `e`'s box touches `box` grown by the background's crop margin. */
function touches(e: Element, { x, y, width, height }: Box): boolean {
  // The background crops with a 10% margin.
  const m = Math.max(width, height) / 8;
  const r = e.getBoundingClientRect();
  return r.right > x - m && r.left < x + width + m && r.bottom > y - m && r.top < y + height + m;
}

/** The URLs in `e`'s src, srcset and (SVG) href attributes. */
function attributeUrls(e: Element): string[] {
  const names = e instanceof SVGElement ? ['src', 'srcset', 'href', 'xlink:href'] : ['src', 'srcset'];
  return names.flatMap((name) => e.getAttribute(name)?.split(/[\s,]+/) ?? []);
}

/** Adds the computed url()s of `e`'s `pseudos` to `urls` (absolute; every quoted string is taken for one, harmless for text). */
function addStyleUrls(e: Element, pseudos: string[], urls: string[]): void {
  for (const pseudo of pseudos) {
    const style = getComputedStyle(e, pseudo);
    for (const prop of PROPS) {
      for (const [, u] of `${style[prop]}`.matchAll(/(?:url\(|")([^")]+)/g)) urls.push(u!);
    }
  }
}

/**
 * Whether everything through which `e` may paint into the rect is this page's own; its same-origin
 * http(s) URLs are added to `local`. `inside`: `e` is the element or inside it.
 */
function safe(e: Element, box: Box, inside: boolean, local: Local): boolean {
  if (SMIL.test(e.localName)) return false;
  const hit = inside || touches(e, box);
  if (hit && FOREIGN.test(e.localName)) return false;
  const urls = hit || PAINTS_ELSEWHERE.test(e.localName) ? attributeUrls(e) : [];
  if (hit && e instanceof HTMLImageElement) urls.push(e.currentSrc);
  if (!hit) {
    // Painted outside the element's box: a reflection, a border image with an outset.
    const style = getComputedStyle(e) as CSSStyleDeclaration & { webkitBoxReflect?: string };
    if ((style.webkitBoxReflect ?? 'none') != 'none') return false;
    for (const [, u] of style.borderImageSource.matchAll(/url\("?([^")]+)/g)) urls.push(u!);
  }
  // ~15 µs an element in Chrome, for a rare kind of QR.
  const topLayer = !hit && e.matches(':modal,:fullscreen,[popover]');
  addStyleUrls(e, hit ? PSEUDOS_TOUCHING : topLayer ? PSEUDOS_TOP_LAYER : PSEUDOS_ANYWHERE, urls);
  if (!urls.every((u) => own(u, e.baseURI))) return false;
  for (const u of urls) {
    const url = new URL(u, e.baseURI);
    if (url.protocol.startsWith('http')) local.add(url.href);
  }
  return true;
}

/**
 * Whether nothing foreign may paint into `box` or sits in `el`, in the document and every shadow root
 * (pushed to `roots`, to be watched). Same-origin http(s) URLs are added to `local`.
 */
function clean(el: Element, box: Box, roots: Node[], local: Local = new Set()): boolean {
  const walk = (root: Document | ShadowRoot, inside: boolean): boolean => {
    roots.push(root);
    if (root.getAnimations?.().some((a) => a.playState == 'running')) return false;
    for (const e of root.querySelectorAll('*')) {
      const within = inside || el.contains(e);
      if (!safe(e, box, within, local)) return false;
      const shadow = shadowOf(e);
      if (shadow && !walk(shadow, within)) return false;
    }
    return true;
  };
  return walk(document, false);
}

/**
 * A same-origin URL may still show another site's image: a redirect (an <img> or a CSS url() follows
 * it, with cookies), or the page's service worker answering with another site's response. Asked
 * again here as same-origin requests that may not redirect: only this origin's own responses pass
 * (the page's cache usually answers). At most 20 such images near a QR.
 */
async function served(urls: string[], load: typeof fetch): Promise<boolean> {
  if (urls.length > 20) return false;
  const servedHere = (u: string) =>
    // A request that fails (offline, refused) is not served here: the capture is refused.
    load(u, { mode: 'same-origin', redirect: 'manual', credentials: 'include', cache: 'force-cache' }).then(
      (r) => r.type == 'basic' && r.ok,
      () => false,
    );
  return (await Promise.all(urls.map(servedHere))).every(Boolean);
}

/** Null when a capture of `el` could show foreign pixels; else a check to call once it is done. */
export async function guardCapture(el: Element, box: Box, load: typeof fetch = fetch): Promise<(() => boolean) | null> {
  const roots: Node[] = [];
  const local: Local = new Set();
  if (!clean(el, box, roots, local)) return null;
  let changed = false;
  const flag = () => {
    changed = true;
  };
  // Any change, even our own overlay appearing on another QR: the answer is dropped and asked again.
  const mo = new MutationObserver(flag);
  for (const root of roots) mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  addEventListener('scroll', flag, true);
  const stop = () => {
    mo.disconnect();
    removeEventListener('scroll', flag, true);
  };
  if (!(await served([...local], load))) {
    stop();
    return null;
  }
  return () => {
    stop();
    return !changed && clean(el, box, []);
  };
}
