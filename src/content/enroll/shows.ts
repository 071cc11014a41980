/**
 * What a QR element shows, so that a click adds the key the user sees, not one the page drew there
 * before (present.ts compares at the click; index.ts's "Scan this page" before answering from what it
 * read). Part of the page UI script: only elements that showed an authenticator key, or that it drew
 * to read, are sampled.
 */
import { isHtml } from '../tag';
import { cssContent } from './css-content';

const SAMPLE = 64;
/** What each element showed when drawSource read it (the pixels the background decoded). */
const readAs = new WeakMap<Element, string>();

/** Notes what `el` shows as it is read (draw-source.ts, before drawing it). */
export function noteRead(el: Element): void {
  readAs.set(el, showing(el));
}

/** What `el` showed when it was last read by drawing it; undefined when it was not drawn. */
export const shownAtRead = (el: Element): string | undefined => readAs.get(el);

/** What an image showing `src` shows (an image read without drawing it notes its source this way). */
export const imageShowing = (src: string): string => `src:${src}`;

/**
 * What `el` shows now: the image CSS `content` paints in its place (css-content.ts); else an image's
 * source; a canvas sampled at 64 px, each sample dark or light (another QR differs in about half of
 * them; a QR redrawn the same, or animated around its modules, in few); anything else (an SVG, a grid
 * of cells, an <object>) its markup.
 */
export function showing(el: Element): string {
  // Another image painted over it by CSS (content: url(…)) is shown whatever its source or pixels are.
  const content = cssContent(el);
  return content ? `content:${content}` : ownShowing(el);
}

function ownShowing(el: Element): string {
  if (isHtml(el, 'img')) return imageShowing(el.currentSrc || el.src);
  if (!isHtml(el, 'canvas')) return `html:${el.outerHTML}`;
  if (!el.width || !el.height) return '';
  const sample = document.createElement('canvas');
  sample.width = sample.height = SAMPLE;
  const ctx = sample.getContext('2d', { willReadFrequently: true });
  if (!ctx) return '';
  try {
    ctx.drawImage(el, 0, 0, SAMPLE, SAMPLE);
    const data = ctx.getImageData(0, 0, SAMPLE, SAMPLE).data;
    let bits = '';
    for (let i = 0; i < data.length; i += 4)
      bits += data[i + 3]! > 127 && data[i]! + data[i + 1]! + data[i + 2]! < 384 ? '1' : '0';
    return bits;
  } catch {
    // A canvas that became tainted has nothing to compare: as if unchanged (it was read before).
    return '';
  }
}

/** Whether what an element shows changed: another source or markup, or 5 % of a canvas's samples. */
export function changed(before: string, now: string): boolean {
  if (!/^[01]+$/.test(before) || before.length !== now.length) return before !== now;
  let differ = 0;
  for (let i = 0; i < now.length; i++) if (before[i] !== now[i]) differ++;
  return differ > now.length * 0.05;
}
