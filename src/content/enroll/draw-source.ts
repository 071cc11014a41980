/**
 * Drawing a QR-shaped element the every-page script could not settle cheaply (source.ts): an SVG
 * rasterised on white, a canvas or same-origin image encoded as PNG, an SVG in a same-origin
 * <object>/<embed>, a table/div grid (grid-png.ts), a django SVG <img> (svg-image.ts), or a rect of the
 * tab to capture. Part of the on-demand page UI script (../ui-loader.ts): only pages with a candidate
 * that passed source.ts's checks load it.
 */
import { MAX_DATA_URL } from '../../shared/image-limits';
import type { CandidateSource } from '../../shared/protocol';
import { embeddedSvg, gridCells } from './grid-source';
import { gridPng } from './grid-png';
import { looksLikeQr } from './looks-like-qr';
import { mayBeSvg, namedSvg, servedAsSvg } from './svg-image';
import { noteRead } from './shows';
import { fitWithin } from '../../core/qr/image-size';

/**
 * `el`'s source. `looked`: source.ts has already taken the 32-px look at this image (and it may be a
 * QR), and the image is a same-origin raster one.
 */
export async function drawSource(el: Element, looked = false): Promise<CandidateSource | null> {
  // What it shows as it is read: the click compares (present.ts), so a QR redrawn since is read again.
  noteRead(el);
  if (el instanceof HTMLCanvasElement) return png(el, el.width, el.height);
  if (el instanceof SVGSVGElement) return rasterize(svgUrl(el), el.getBoundingClientRect());
  if (el instanceof HTMLObjectElement || el instanceof HTMLEmbedElement) {
    const svg = await embeddedSvg(el);
    return svg && rasterize(svgUrl(svg), el.getBoundingClientRect());
  }
  const cells = gridCells(el);
  if (cells) return gridPng(cells);
  if (!(el instanceof HTMLImageElement)) return capture(el);
  const src = el.currentSrc || el.src;
  if (!looked) {
    if (namedSvg(src) || (mayBeSvg(src) && (await servedAsSvg(src)))) return rasterize(src, el.getBoundingClientRect());
    // Not an SVG after all: the raster path, as for any image.
    if ((await looksLikeQr(el)) === false) return null;
  }
  // The pixels as shown, not a second download: a setup page may mint a new key with every request.
  const drawn = await png(el, el.naturalWidth, el.naturalHeight);
  // A data: image has nothing to download: not drawn, not sent (source.ts sends the short ones as they are).
  if (drawn || /^data:/i.test(src)) return drawn;
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
    const io = new IntersectionObserver(([e]) => e!.intersectionRatio > 0.99 && shown(io.disconnect()), {
      threshold: 1,
    });
    io.observe(el);
  });
  const { x, y, width, height } = el.getBoundingClientRect();
  if (!el.contains((el.getRootNode() as Document).elementFromPoint(x + width / 2, y + height / 2))) return null;
  return { kind: 'capture', rect: { x, y, width, height }, viewport: innerWidth };
}

function svgUrl(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const { width, height } = svg.getBoundingClientRect();
  if (!copy.getAttribute('width')) copy.setAttribute('width', String(width));
  if (!copy.getAttribute('height')) copy.setAttribute('height', String(height));
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
}

/**
 * The most pixels a drawn source has: the background reads a page's image at 1 MP at most and refuses
 * one declaring over 4 MP (background/enroll/decode-queue.ts, core/qr/image-size.ts), so a QR drawn
 * bigger (an SVG 4× its size, a canvas or image at a high density) is drawn at this size, not refused.
 * A 41-module QR keeps ~24 px a module.
 */
const MAX_DRAWN_PIXELS = 1_000_000;

/** `width` × `height` in whole pixels (at least 1), scaled down (never up) to MAX_DRAWN_PIXELS, aspect kept. */
const within = (width: number, height: number) =>
  fitWithin({ width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) }, MAX_DRAWN_PIXELS);

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
  const { width, height } = within(box.width * 4, box.height * 4);
  return vectorPng(img, width, height);
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
async function png(
  source: HTMLImageElement | HTMLCanvasElement,
  width: number,
  height: number,
): Promise<CandidateSource | null> {
  try {
    const { width: w, height: h } = within(width, height);
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
    // No QR's drawing is this long (shared/image-limits.ts): the background would refuse it.
    return dataUrl.length <= MAX_DATA_URL ? { kind: 'png', dataUrl } : null;
  } catch {
    // A tainted canvas: no data URL; a capture may still read it.
    return null;
  }
}
