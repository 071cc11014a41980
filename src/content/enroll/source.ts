/**
 * Turns a QR-shaped element into something the background can decode, the cheapest legal way:
 * the otpauth URI itself when it is in the page (a link, a chart-service URL); the PNG data URL; for a
 * cross-origin image whose pixels the page may not read, its URL for the background to fetch. What
 * has to be drawn (a canvas or same-origin image that looks two-toned, an SVG, an <object>/<embed>, a
 * table or div grid, a shadow host to capture) is drawn by the page UI script, loaded then
 * (draw-source.ts): this file runs on every page, and most pages' square images stop here.
 *
 * `spend` asks the frame's allowances (allowance.ts) before each costly step: the 32-px look ('look')
 * and anything that ends in the background's decoder ('read'). When it says no, the answer is
 * `LATER`: the element is read when the user points at it.
 */
import { MAX_DATA_URL } from '../../shared/image-limits';
import type { CandidateSource } from '../../shared/protocol';
import { pageUi } from '../ui-loader';
import { looksLikeQr } from './looks-like-qr';
import { isHtml } from '../tag';
import { mayBeSvg, namedSvg } from './svg-image';

const OTPAUTH = /^otpauth(-migration)?:\/\//i;

/** Whether the frame may take one more costly step on its own now; one taken and not used goes back. */
export interface Spend {
  take(step: 'look' | 'read'): boolean;
  giveBack(step: 'look' | 'read'): void;
}
const FREE: Spend = { take: () => true, giveBack: () => undefined };
export const LATER = 'later';

/**
 * A look and the read after it, taken together before the look (so the reads go in the order the
 * elements were considered, the biggest first, not in the order their looks finish); the read goes
 * back when the look finds no QR. False: neither was there.
 */
async function lookFirst(
  el: HTMLImageElement | HTMLCanvasElement,
  spend: Spend,
): Promise<boolean | null | typeof LATER> {
  if (!spend.take('look')) return LATER;
  // No read left: no look either (what it found could not be sent).
  if (!spend.take('read')) {
    spend.giveBack('look');
    return LATER;
  }
  const look = await looksLikeQr(el);
  if (look === false) spend.giveBack('read');
  return look;
}

export async function sourceOf(el: Element, spend: Spend = FREE): Promise<CandidateSource | null | typeof LATER> {
  const link = el.closest('a[href]')?.getAttribute('href');
  if (link && OTPAUTH.test(link)) return { kind: 'uri', uri: link };
  let read = false;
  if (isHtml(el, 'canvas')) {
    const look = await lookFirst(el, spend);
    if (look === LATER) return LATER;
    // A tainted canvas (null) has no pixels to send either: its read goes back, as for no QR.
    if (look === null) spend.giveBack('read');
    if (!look) return null;
    read = true;
  }
  let looked = false;
  if (isHtml(el, 'img')) {
    const src = el.currentSrc || el.src;
    const inQuery = uriInQuery(src);
    if (inQuery) return { kind: 'uri', uri: inQuery };
    // An SVG (named, or maybe one served without an extension, svg-image.ts) is rasterised by the page UI.
    if (!namedSvg(src) && !mayBeSvg(src)) {
      const look = await lookFirst(el, spend);
      if (look === LATER) return LATER;
      if (look === false) return null;
      if (/^data:image\//i.test(src)) {
        if (src.length <= MAX_DATA_URL) return { kind: 'png', dataUrl: src };
        // Longer than any setup QR's image (shared/image-limits.ts): a page padding its data: URLs must
        // not make us post megabytes to the worker. The page script draws its pixels instead, at most
        // 1 MP, as for a same-origin image (a real QR still gets its button).
      } else {
        const url = new URL(src, location.href);
        if (url.origin !== location.origin) return { kind: 'url', url: url.href };
      }
      looked = read = true;
    }
  }
  if (!read && !spend.take('read')) return LATER;
  return pageUi().then(
    (ui) => ui.drawSource(el, looked),
    // No page UI (the extension reloaded under the page): nothing to draw with, no button either.
    () => null,
  );
}

/** Chart/QR services put the payload in the query: ?chl=otpauth%3A%2F%2F… or ?data=otpauth://… */
function uriInQuery(src: string): string | null {
  // No query, no parameters: most images end here without parsing their URL.
  if (!src.includes('?')) return null;
  try {
    for (const value of new URL(src, location.href).searchParams.values()) if (OTPAUTH.test(value)) return value;
  } catch {
    // not a URL
  }
  return null;
}
