/**
 * The cheap look at an image or canvas before anything is encoded or sent: shared by the every-page
 * content script (source.ts) and the page UI script (draw-source.ts), each bundling its own copy.
 */
const SAMPLE = 32;
let ctx: OffscreenCanvasRenderingContext2D | undefined;

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
    const bitmap = await createImageBitmap(source, {
      resizeWidth: SAMPLE,
      resizeHeight: SAMPLE,
      resizeQuality: 'pixelated',
    });
    // One small canvas for every look (made once: a canvas and its context cost more than the look);
    // shared safely, as nothing awaits between drawing and reading.
    ctx ??= new OffscreenCanvas(SAMPLE, SAMPLE).getContext('2d', { willReadFrequently: true })!;
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
  for (let i = 0; i < data.length; i += 4)
    histogram[(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!) | 0]!++;
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
