import { decodeQr, type QrLocation, type RgbaImage } from '../../core/qr';

/**
 * Every QR code in a screenshot: decode one, paint over it (white, with a margin), and look again,
 * at most `max` times. jsQR returns one code per call, and setup pages may show a decoy next to the
 * real one (an app-store link QR beside the key).
 */
export function findAllQrTexts(image: RgbaImage, max = 6, decode = decodeQr): string[] {
  const data = new Uint8ClampedArray(image.data);
  const work = { data, width: image.width, height: image.height };
  const texts: string[] = [];
  for (let i = 0; i < max; i++) {
    const found = decode(work);
    if (!found) break;
    texts.push(found.text);
    whiten(work, found.location);
  }
  return texts;
}

function whiten(image: { data: Uint8ClampedArray; width: number; height: number }, location: QrLocation): void {
  const points = [location.topLeft, location.topRight, location.bottomRight, location.bottomLeft];
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const margin = Math.max(8, (Math.max(...xs) - Math.min(...xs)) * 0.15);
  const x0 = Math.max(0, Math.floor(Math.min(...xs) - margin));
  const x1 = Math.min(image.width, Math.ceil(Math.max(...xs) + margin));
  const y0 = Math.max(0, Math.floor(Math.min(...ys) - margin));
  const y1 = Math.min(image.height, Math.ceil(Math.max(...ys) + margin));
  for (let y = y0; y < y1; y++) image.data.fill(255, (y * image.width + x0) * 4, (y * image.width + x1) * 4);
}
