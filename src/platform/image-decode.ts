import { checkDecodable, fitWithin, type ImageSize } from '../core/qr';

export interface Bitmap {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Decodes `image`, scaled down to `size` when it is given (aspect kept by the caller). */
type Decode = (image: Blob, size?: { width: number; height: number }) => Promise<ImageBitmap>;

const decodeBitmap: Decode = (image, size) =>
  createImageBitmap(
    image,
    size ? { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' } : undefined,
  );

/**
 * Decode a PNG/JPEG/GIF/WebP/BMP (as a data: URL or Blob) to RGBA pixels, in a worker or a page.
 * The size comes from the header first (core/qr/image-size.ts): a tiny file that declares a huge
 * canvas, or a format whose size we cannot read (SVG…), is refused before anything decodes it.
 * `decode` is a parameter so a test can prove it is never reached for a bomb.
 *
 * `checked`: the header's size, read and checked by the caller (the file is not read again for it).
 * `maxPixels`: an image over it is scaled down by the decoder (createImageBitmap's resize, high
 * quality) to fit, so no more pixels than that are drawn, read back and handed to the QR decoder (a
 * 4096×4096 image cost the background ~1 s a candidate at full size; decodeQr would box-downscale it
 * to ~2 MP anyway). Captures leave it unbounded: a QR is cropped from the full-size screenshot.
 * A JPEG whose EXIF orientation swaps its sides comes out stretched when scaled (its header's sides
 * are used): rare for a QR, and jsQR reads modules that are not square.
 */
export async function imageToRgba(
  source: string | Blob,
  decode: Decode = decodeBitmap,
  maxPixels = Number.POSITIVE_INFINITY,
  checked?: ImageSize,
): Promise<Bitmap> {
  const blob = typeof source === 'string' ? await (await fetch(source)).blob() : source;
  // `checked`: the caller has read and checked the header already (within tighter limits).
  const declared = checked ?? checkDecodable(new Uint8Array(await blob.arrayBuffer()));
  const size = fitWithin(declared, maxPixels);
  const scaled = size.width !== declared.width || size.height !== declared.height;
  const bitmap = await decode(blob, scaled ? size : undefined);
  // Belt and braces: the decoder must not have found more pixels than the header declared (EXIF
  // rotation may swap the sides of a JPEG, so the product is compared).
  if (bitmap.width * bitmap.height > size.width * size.height) {
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
