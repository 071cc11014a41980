import { encodeBase64 } from '../core/bytes/base64';
import { bytesAsText } from '../core/bytes/text';
import type { ImportPayload } from '../shared/protocol-import';
import { PageError } from './error-text';

/**
 * The background's limit (core/formats MAX_IMPORT_BYTES, which it enforces again), repeated here so
 * the page does not load the whole format layer to refuse a file early; a DOM test keeps them equal.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** PNG, JPEG, GIF, WebP ("RIFF"), BMP: pictures of a QR code. */
const IMAGE_MAGIC = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x52, 0x49, 0x46, 0x46],
  [0x42, 0x4d],
];

const isImage = (file: Blob, bytes: Uint8Array): boolean =>
  file.type.startsWith('image/') || IMAGE_MAGIC.some((magic) => magic.every((byte, i) => bytes[i] === byte));

/**
 * A picked or dropped file as the background wants it: refused over 10 MB before it is read, an
 * image decoded to its QR text here (pixels never leave the page), text as text, anything else base64.
 */
export async function fileToPayload(
  file: Blob,
  qrFromImage: (image: Blob) => Promise<string | null>,
): Promise<Omit<ImportPayload, 'password'>> {
  if (file.size > MAX_FILE_BYTES) throw new PageError('import/too-large');
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isImage(file, bytes)) {
    // An image with no QR, or one that does not decode: the typed error below.
    const text = await qrFromImage(file).catch(() => null);
    if (!text) throw new PageError('import/no-qr');
    return { data: text, encoding: 'text' };
  }
  const text = bytesAsText(bytes);
  return text === undefined ? { data: encodeBase64(bytes), encoding: 'base64' } : { data: text, encoding: 'text' };
}
