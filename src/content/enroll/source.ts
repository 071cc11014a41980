/**
 * Turns a QR-shaped element into something the background can decode, the cheapest legal way:
 * the otpauth URI itself when it is in the page (a link, a chart-service URL); the PNG data URL;
 * pixels drawn here (same-origin image, canvas, SVG rasterised on white); or, for a cross-origin
 * image whose pixels the page may not read, its URL for the background to fetch; a QR drawn as table
 * or div cells, or an SVG in a same-origin <object>/<embed>, drawn here (grid-source.ts); for what has
 * no pixels to read (a shadow host hiding it), a rect of the tab to capture.
 */
import type { CandidateSource } from '../../shared/protocol';
import { embeddedSvg, gridCells } from './grid-source';
import { pageUi } from '../ui-loader';
import { mayBeSvg, servedAsSvg } from './svg-image';

const OTPAUTH = /^otpauth(-migration)?:\/\//i;

export async function sourceOf(el: Element): Promise<CandidateSource | null> {
  const link = el.closest('a[href]')?.getAttribute('href');
  if (link && OTPAUTH.test(link)) return { kind: 'uri', uri: link };
  if (el instanceof HTMLCanvasElement) return (await looksLikeQr(el)) ? png(el, el.width, el.height) : null;
  if (el instanceof SVGSVGElement) return rasterize(svgUrl(el), el.getBoundingClientRect());
  if (el instanceof HTMLObjectElement || el instanceof HTMLEmbedElement) {
    const svg = await embeddedSvg(el);
    return svg && rasterize(svgUrl(svg), el.getBoundingClientRect());
  }
  const cells = gridCells(el);
  // Drawn by the page UI script (loaded now): rare pages, kept out of the every-page script.
  if (cells) return pageUi().then((ui) => ui.gridPng(cells), () => null);
  if (!(el instanceof HTMLImageElement)) return capture(el);
  const src = el.currentSrc || el.src;
  const inQuery = uriInQuery(src);
  if (inQuery) return { kind: 'uri', uri: inQuery };
  if (/^data:image\/svg/i.test(src) || /\.svg(\?|#|$)/i.test(src)) return rasterize(src, el.getBoundingClientRect());
  if (mayBeSvg(src) && (await servedAsSvg(src))) return rasterize(src, el.getBoundingClientRect());
  const verdict = await looksLikeQr(el);
  if (verdict === false) return null;
  if (/^data:image\//i.test(src)) return { kind: 'png', dataUrl: src };
  // The pixels as shown, not a second download: a setup page may mint a new key with every request.
  if (new URL(src, location.href).origin === location.origin) {
    const drawn = await png(el, el.naturalWidth, el.naturalHeight);
    if (drawn) return drawn;
  }
  return { kind: 'url', url: new URL(src, location.href).href };
}

/**
 * Waits until the element is fully on screen (a capture only has the visible tab), then gives its rect
 * in viewport CSS px and the viewport's width (the background scales by capture width / viewport
 * width: devicePixelRatio and zoom in one). Top frame only: a frame cannot know where it sits in the
 * tab. Nothing is sent when something else is on top of the QR's centre (a frame laid over it).
 */
async function capture(el: Element): Promise<CandidateSource | null> {
  if (window !== top) return null;
  await new Promise((shown) => {
    const io = new IntersectionObserver(([e]) => e!.intersectionRatio > 0.99 && shown(io.disconnect()), { threshold: 1 });
    io.observe(el);
  });
  const { x, y, width, height } = el.getBoundingClientRect();
  if (!el.contains((el.getRootNode() as Document).elementFromPoint(x + width / 2, y + height / 2))) return null;
  return { kind: 'capture', rect: { x, y, width, height }, viewport: innerWidth };
}

const SAMPLE = 32;

/**
 * A cheap look before any encoding or messaging: a QR is two-toned (dark modules, light gaps, at any
 * contrast and either polarity); a photo or an illustration is not. Samples 32×32 pixels without
 * smoothing, so module edges stay sharp. The image is decoded and scaled by `createImageBitmap`, off
 * the page's main thread (a synchronous `drawImage` of a fresh image decodes it on the page's time);
 * what is left here is 4 KB of pixels. Null when the pixels may not be read (cross-origin image).
 */
export async function looksLikeQr(source: HTMLImageElement | HTMLCanvasElement): Promise<boolean | null> {
  let data: Uint8ClampedArray;
  try {
    const bitmap = await createImageBitmap(source, { resizeWidth: SAMPLE, resizeHeight: SAMPLE, resizeQuality: 'pixelated' });
    const ctx = new OffscreenCanvas(SAMPLE, SAMPLE).getContext('2d', { willReadFrequently: true })!;
    ctx.imageSmoothingEnabled = false;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, SAMPLE, SAMPLE);
    // Sizes given again: a browser that ignores the resize options hands back the full image.
    ctx.drawImage(bitmap, 0, 0, SAMPLE, SAMPLE);
    bitmap.close();
    data = ctx.getImageData(0, 0, SAMPLE, SAMPLE).data;
  } catch {
    // A tainted (cross-origin) source: the page may not read these pixels, nor may we for it.
    return null;
  }
  return twoToned(data);
}

/** Whether 32×32 RGBA samples are two-toned enough to be a QR. */
export function twoToned(data: Uint8ClampedArray): boolean {
  const histogram = new Uint16Array(256);
  for (let i = 0; i < data.length; i += 4) histogram[(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!) | 0]!++;
  const n = data.length / 4;
  const percentile = (p: number) => {
    for (let v = 0, seen = 0; v < 256; v++) if ((seen += histogram[v]!) > n * p) return v;
    return 255;
  };
  const lo = percentile(0.05);
  const hi = percentile(0.95);
  if (hi - lo < 30) return false;
  const band = (hi - lo) / 4;
  let near = 0;
  let dark = 0;
  for (let v = 0; v < 256; v++) {
    if (v - lo < band || hi - v < band) near += histogram[v]!;
    if (v < (lo + hi) / 2) dark += histogram[v]!;
  }
  return near / n > 0.7 && dark / n > 0.15 && dark / n < 0.85;
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
    // An image that does not decode (broken, or blocked) has no pixels to read.
    return null;
  }
  return vectorPng(img, box.width * 4, box.height * 4);
}

/**
 * An SVG image drawn on a page canvas, as before h-speed: in a Firefox content script the
 * OffscreenCanvas path gives no PNG for an SVG image made here (the issue-18 <object>/<embed> pages
 * got no overlay, tests/e2e/firefox/reach.test.ts), while a page canvas does. SVG QRs are rare, so
 * the main-thread encoding is paid only there.
 */
function vectorPng(img: HTMLImageElement, width: number, height: number): CandidateSource | null {
  try {
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width));
    canvas.height = Math.max(1, Math.round(height));
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return { kind: 'png', dataUrl: canvas.toDataURL('image/png') };
  } catch {
    // A tainted canvas throws on toDataURL: then there is nothing this page may read.
    return null;
  }
}

/**
 * The source drawn on white as a PNG data URL, or null when the page may not read its pixels (a
 * tainted canvas throws). Decoding, scaling and PNG encoding run off the main thread
 * (`createImageBitmap`, `OffscreenCanvas.convertToBlob`, `FileReader`).
 */
async function png(source: HTMLImageElement | HTMLCanvasElement, width: number, height: number): Promise<CandidateSource | null> {
  try {
    const w = Math.max(1, Math.round(width));
    const h = Math.max(1, Math.round(height));
    // SVG images go through vectorPng (Firefox's createImageBitmap refuses them).
    const bitmap = await createImageBitmap(source, { resizeWidth: w, resizeHeight: h });
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    ctx.drawImage(bitmap, 0, 0, w, h);
    bitmap.close();
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
    return { kind: 'png', dataUrl };
  } catch {
    // A tainted canvas: no data URL; a capture may still read it.
    return null;
  }
}
