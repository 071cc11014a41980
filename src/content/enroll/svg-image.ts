/**
 * An <img> whose URL does not say it is an SVG (django-two-factor's `/account/two_factor/qrcode/`
 * answers `image/svg+xml`, issue 13). Drawn like a raster image it fails twice: the 32-px look
 * (looksLikeQr) renders ~45 mm-sized modules into 32 px of anti-aliased grey, and the natural-size
 * drawing gives ~3.8 px modules with soft edges. Knowing it is a vector, we rasterise it at 4× on white.
 *
 * The type is only in the response's Content-Type, so it is asked for — only for a same-origin,
 * square-ish image whose path has no raster extension (rare on pages: avatars and logos carry
 * extensions or live on CDNs), from the HTTP cache where the browser has it.
 */
/** An image URL that says it is an SVG (rasterised without asking). */
export const namedSvg = (src: string): boolean => /^data:image\/svg/i.test(src) || /\.svg(\?|#|$)/i.test(src);

const RASTER = /\.(png|jpe?g|gif|webp|avif|bmp|ico)$/i;

export function mayBeSvg(src: string, base = location.href, here = location.origin): boolean {
  let url: URL;
  try {
    url = new URL(src, base);
  } catch {
    return false; // not a URL: nothing to ask about
  }
  return (
    url.origin === here &&
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    !RASTER.test(url.pathname) &&
    !/\.svg$/i.test(url.pathname)
  );
}

/** Whether the same-origin image at `src` is served as SVG (false on any failure: then it is drawn as before). */
export async function servedAsSvg(src: string, get: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await get(src, { cache: 'force-cache', credentials: 'same-origin' });
    const svg = response.ok && /^image\/svg\+xml\b/i.test(response.headers.get('content-type') ?? '');
    await response.body?.cancel(); // only the header was wanted
    return svg;
  } catch {
    return false; // offline or refused: the image is drawn as a raster one
  }
}
