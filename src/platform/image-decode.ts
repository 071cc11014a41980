import { checkDecodable } from '../core/qr';

export interface Bitmap {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

type Decode = (image: Blob) => Promise<ImageBitmap>;

/**
 * Decode a PNG/JPEG/GIF/WebP/BMP (as a data: URL or Blob) to RGBA pixels, in a worker or a page.
 * The size comes from the header first (core/qr/image-size.ts): a tiny file that declares a huge
 * canvas, or a format whose size we cannot read (SVG…), is refused before anything decodes it.
 * `decode` is a parameter so a test can prove it is never reached for a bomb.
 */
export async function imageToRgba(
  source: string | Blob,
  decode: Decode = (image) => createImageBitmap(image),
): Promise<Bitmap> {
  const blob = typeof source === 'string' ? await (await fetch(source)).blob() : source;
  const declared = checkDecodable(new Uint8Array(await blob.arrayBuffer()));
  const bitmap = await decode(blob);
  // Belt and braces: the decoder must not have found more pixels than the header declared (EXIF
  // rotation may swap the sides of a JPEG, so the product is compared).
  if (bitmap.width * bitmap.height > declared.width * declared.height) {
    bitmap.close();
    throw new RangeError('Image larger than its header');
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('No 2D context');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, bitmap.width, bitmap.height);
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  return { data, width, height };
}
