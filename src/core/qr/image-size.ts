/**
 * An image's pixel size read from its header, before anything decodes it. A 20 KB PNG can declare
 * 30000×30000 (a decompression bomb: 3.6 GB of RGBA); createImageBitmap would allocate that before we
 * could look at `width`. So the size is read here from the bytes and refused up front, and a format we
 * cannot read the size of (SVG, AVIF, anything else) is refused too. Pure: bytes in, size out.
 *
 * Formats: PNG (IHDR, ISO/IEC 15948 §11.2.2), JPEG (first SOFn, ITU T.81 §B.2.2), GIF (logical screen
 * and every frame's extent, GIF89a §18/§20), WebP (VP8 / VP8L / VP8X, RFC 9649 §2), BMP (DIB header).
 * `animated` tells an animated image (APNG, GIF, WebP) from a still one.
 */
export interface ImageSize {
  format: 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';
  width: number;
  height: number;
}

/** The most pixels we decode (a QR needs far fewer; a 4K screen capture fits). */
export const MAX_DECODE_PIXELS = 4096 * 4096;
/** The longest side we decode (a 1×16M-pixel strip is still a bomb for the canvas). */
export const MAX_DECODE_SIDE = 8192;
/**
 * The most pixels a page-offered image (fetched by the background or handed over as a data: URL) may
 * declare; a bigger one is no candidate and is never decoded. A setup QR is at most ~1 MP even drawn
 * at 2× density (a 45-module code at 10 px a module is 530×530, 0.28 MP), so 4 MP leaves room for a
 * QR inside a larger picture. It spares the background the decode of 40 huge images a page offers
 * (background/enroll/decode-source.ts); a tab capture is not page-offered and keeps MAX_DECODE_PIXELS.
 */
export const MAX_OFFERED_PIXELS = 4_000_000;

/** Why an image is not decoded; `code` is stable (the UI words it as error_image_*). */
export class ImageRefused extends Error {
  override readonly name = 'ImageRefused';
  constructor(
    readonly code: 'image/unknown-format' | 'image/too-large',
    message: string,
  ) {
    super(message);
  }
}

/** Width and height from the header, or null when the bytes are no PNG/JPEG/GIF/WebP/BMP we can read. */
export function imageSize(bytes: Uint8Array): ImageSize | null {
  const at = (offset: number, ...sig: number[]) => sig.every((b, i) => bytes[offset + i] === b);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) && at(12, 0x49, 0x48, 0x44, 0x52)) {
      return sized('png', view.getUint32(16), view.getUint32(20));
    }
    if (at(0, 0xff, 0xd8)) return jpeg(bytes, view);
    if (at(0, 0x47, 0x49, 0x46, 0x38) && (at(4, 0x37, 0x61) || at(4, 0x39, 0x61))) return gif(bytes, view);
    if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return webp(bytes, view);
    if (at(0, 0x42, 0x4d)) return bmp(view);
  } catch (error) {
    if (error instanceof RangeError) return null; // a header cut short: DataView read past the end
    throw error;
  }
  return null;
}

/**
 * The size, or an ImageRefused error for an unreadable header or a size over the limits (`maxPixels`,
 * at most MAX_DECODE_PIXELS: MAX_OFFERED_PIXELS for an image a page offers).
 */
export function checkDecodable(bytes: Uint8Array, maxPixels = MAX_DECODE_PIXELS): ImageSize {
  const size = imageSize(bytes);
  if (!size) throw new ImageRefused('image/unknown-format', 'Not a PNG, JPEG, GIF, WebP or BMP image');
  const most = Math.min(maxPixels, MAX_DECODE_PIXELS);
  if (size.width > MAX_DECODE_SIDE || size.height > MAX_DECODE_SIDE || size.width * size.height > most) {
    throw new ImageRefused('image/too-large', `Image too large (${size.width}×${size.height})`);
  }
  return size;
}

function sized(format: ImageSize['format'], width: number, height: number): ImageSize | null {
  return width > 0 && height > 0 ? { format, width, height } : null;
}

/** Walks the marker segments to the first start-of-frame (decoders take their size from it). */
function jpeg(bytes: Uint8Array, view: DataView): ImageSize | null {
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // Standalone markers carry no length: TEM, RST0–7 (SOI again would be malformed).
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / scan data before any frame header
    const length = view.getUint16(i + 2);
    if (length < 2) return null;
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision, height, width. Height 0 (DNL) is refused.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return sized('jpeg', view.getUint16(i + 7), view.getUint16(i + 5));
    }
    i += 2 + length;
  }
  return null;
}

/** A frame may lie outside the logical screen (decoders grow the canvas for it): take every frame's extent. */
function gif(bytes: Uint8Array, view: DataView): ImageSize | null {
  const walked = gifFrames(bytes, view);
  return walked && sized('gif', walked.width, walked.height);
}

/** The GIF's frames: how many, and the extent of the screen and all of them (null: not a GIF we can walk). */
function gifFrames(bytes: Uint8Array, view: DataView): { width: number; height: number; frames: number } | null {
  let frames = 0;
  let width = view.getUint16(6, true);
  let height = view.getUint16(8, true);
  const packed = bytes[10]!;
  let i = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  const skipBlocks = () => {
    while (bytes[i] !== 0) {
      if (i >= bytes.length) throw new RangeError('truncated');
      i += 1 + bytes[i]!;
    }
    i++;
  };
  while (i < bytes.length) {
    const introducer = bytes[i]!;
    if (introducer === 0x3b) break; // trailer
    if (introducer === 0x21) {
      i += 2; // extension introducer + label
      skipBlocks();
    } else if (introducer === 0x2c) {
      frames++;
      width = Math.max(width, view.getUint16(i + 1, true) + view.getUint16(i + 5, true));
      height = Math.max(height, view.getUint16(i + 3, true) + view.getUint16(i + 7, true));
      const local = bytes[i + 9]!;
      i += 10 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0) + 1; // descriptor, local colour table, LZW code size
      skipBlocks();
    } else {
      return null;
    }
  }
  return { width, height, frames };
}

function webp(bytes: Uint8Array, view: DataView): ImageSize | null {
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunk === 'VP8X')
    return sized('webp', 1 + (view.getUint32(24, true) & 0xffffff), 1 + (view.getUint32(26, true) >>> 8));
  if (chunk === 'VP8L' && bytes[20] === 0x2f) {
    const bits = view.getUint32(21, true);
    return sized('webp', 1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff));
  }
  if (chunk === 'VP8 ' && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a) {
    return sized('webp', view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff);
  }
  return null;
}

/**
 * Whether the image is animated: a page could show one QR in the frame a decoder reads (the first) and
 * another in the frames the user sees. An APNG has an `acTL` chunk before its image data (APNG §2.1);
 * a GIF more than one image descriptor (GIF89a §20); an animated WebP the VP8X animation flag and an
 * `ANIM` chunk (RFC 9649 §2.7). Bytes we cannot walk count as animated (the size check refuses them).
 */
export function animated(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  try {
    switch (imageSize(bytes)?.format) {
      case 'png':
        for (let i = 8; i + 8 <= bytes.length; i += 12 + view.getUint32(i)) {
          if (type(i + 4) === 'acTL') return true;
          if (type(i + 4) === 'IDAT' || type(i + 4) === 'IEND') return false;
        }
        return false;
      case 'gif':
        return (gifFrames(bytes, view)?.frames ?? 2) > 1;
      case 'webp':
        if (type(12) === 'VP8X' && bytes[20]! & 0x02) return true;
        for (
          let i = 12;
          i + 8 <= bytes.length;
          i += 8 + view.getUint32(i + 4, true) + (view.getUint32(i + 4, true) & 1)
        )
          if (type(i) === 'ANIM' || type(i) === 'ANMF') return true;
        return false;
      case undefined:
        return true;
      default:
        return false; // JPEG and BMP have no animation
    }
  } catch (error) {
    if (error instanceof RangeError) return true; // cut short inside its chunks: not an image we read
    throw error;
  }
}

/** BITMAPCOREHEADER (12 bytes) has 16-bit sides; the later headers 32-bit, height negative for top-down rows. */
function bmp(view: DataView): ImageSize | null {
  const header = view.getUint32(14, true);
  if (header === 12) return sized('bmp', view.getUint16(18, true), view.getUint16(20, true));
  if (header < 40) return null;
  return sized('bmp', Math.abs(view.getInt32(18, true)), Math.abs(view.getInt32(22, true)));
}

/**
 * `size` scaled down (aspect kept, each side at least 1 px) to at most `maxPixels` pixels; unchanged
 * when it already fits.
 */
export function fitWithin<T extends { width: number; height: number }>(
  size: T,
  maxPixels: number,
): { width: number; height: number } {
  const { width, height } = size;
  if (width * height <= maxPixels) return { width, height };
  const factor = Math.sqrt(maxPixels / (width * height));
  return { width: Math.max(1, Math.floor(width * factor)), height: Math.max(1, Math.floor(height * factor)) };
}
