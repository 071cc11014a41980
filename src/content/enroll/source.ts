/**
 * Turns a QR-shaped element into something the background can decode, the cheapest legal way:
 * the otpauth URI itself when it is in the page (a link, a chart-service URL); the PNG data URL;
 * pixels drawn here (same-origin image, canvas, SVG rasterised on white); or, for a cross-origin
 * image whose pixels the page may not read, its URL for the background to fetch.
 */
import type { CandidateSource } from '../../shared/protocol';

const OTPAUTH = /^otpauth(-migration)?:\/\//i;

export async function sourceOf(el: Element): Promise<CandidateSource | null> {
  const link = el.closest('a[href]')?.getAttribute('href');
  if (link && OTPAUTH.test(link)) return { kind: 'uri', uri: link };
  if (el instanceof HTMLCanvasElement) return png(() => el.toDataURL('image/png'));
  if (el instanceof SVGSVGElement) return rasterize(svgUrl(el), el.getBoundingClientRect());
  if (!(el instanceof HTMLImageElement)) return null;
  const src = el.currentSrc || el.src;
  const inQuery = uriInQuery(src);
  if (inQuery) return { kind: 'uri', uri: inQuery };
  if (/^data:image\/svg/i.test(src) || /\.svg(\?|#|$)/i.test(src)) return rasterize(src, el.getBoundingClientRect());
  if (/^data:image\//i.test(src)) return { kind: 'png', dataUrl: src };
  if (new URL(src, location.href).origin === location.origin) {
    const drawn = await png(() => draw(el, el.naturalWidth, el.naturalHeight));
    if (drawn) return drawn;
  }
  return { kind: 'url', url: new URL(src, location.href).href };
}

/** Chart/QR services put the payload in the query: ?chl=otpauth%3A%2F%2F… or ?data=otpauth://… */
function uriInQuery(src: string): string | null {
  try {
    for (const value of new URL(src, location.href).searchParams.values()) if (OTPAUTH.test(value)) return value;
  } catch {
    // not a URL
  }
  return null;
}

function svgUrl(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const { width, height } = svg.getBoundingClientRect();
  if (!copy.getAttribute('width')) copy.setAttribute('width', String(width));
  if (!copy.getAttribute('height')) copy.setAttribute('height', String(height));
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
}

/** SVG has no pixels to read: draw it on white at 4× so every module is several pixels wide. */
async function rasterize(url: string, box: DOMRect): Promise<CandidateSource | null> {
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } catch {
    return null;
  }
  return png(() => draw(img, box.width * 4, box.height * 4));
}

function draw(source: CanvasImageSource, width: number, height: number): string {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width));
  canvas.height = Math.max(1, Math.round(height));
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}

/** A tainted canvas throws on toDataURL: then there is nothing this page may read. */
async function png(make: () => string): Promise<CandidateSource | null> {
  try {
    return { kind: 'png', dataUrl: make() };
  } catch {
    return null;
  }
}
