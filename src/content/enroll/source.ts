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
  if (el instanceof HTMLCanvasElement) return looksLikeQr(el) ? png(() => el.toDataURL('image/png')) : null;
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
  const verdict = looksLikeQr(el);
  if (verdict === false) return null;
  if (/^data:image\//i.test(src)) return { kind: 'png', dataUrl: src };
  if (new URL(src, location.href).origin === location.origin) {
    const drawn = await png(() => draw(el, el.naturalWidth, el.naturalHeight));
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
 * smoothing, so module edges stay sharp.
 * About 0.1 ms an image; pages with hundreds of square images stay responsive (see enroll.bench.ts). Null when the pixels may not be read (cross-origin image).
 */
export function looksLikeQr(source: HTMLImageElement | HTMLCanvasElement): boolean | null {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = SAMPLE;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.imageSmoothingEnabled = false;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, SAMPLE, SAMPLE);
  let data: Uint8ClampedArray;
  try {
    ctx.drawImage(source, 0, 0, SAMPLE, SAMPLE);
    data = ctx.getImageData(0, 0, SAMPLE, SAMPLE).data;
  } catch {
    return null;
  }
  const histogram = new Uint16Array(256);
  for (let i = 0; i < data.length; i += 4) histogram[(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!) | 0]!++;
  const n = SAMPLE * SAMPLE;
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
