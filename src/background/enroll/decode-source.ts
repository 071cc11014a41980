import {
  animated,
  checkDecodable,
  classifyQrText,
  decodeQrPausing,
  fitWithin,
  MAX_OFFERED_PIXELS,
  type ImageSize,
  type RgbaImage,
} from '../../core/qr';
import { imageToRgba } from '../../platform/capture';
import { MAX_DATA_URL } from '../../shared/image-limits';
import type { CandidateSource } from '../../shared/protocol';
import type { SenderLike } from '../../shared/sender';
import { MAX_IMAGE_BYTES } from '../../shared/validate/enroll';
import { captureSource } from './capture-source';
import { BASE_COST, CAPTURE_COST_PIXELS, decodeQueue, MAX_READ_PIXELS, type DecodeQueue } from './decode-queue';
import { fetchImage } from './image-fetch';

/** The background's one decode queue (decode-queue.ts): every page-offered candidate goes through it. */
export const candidateQueue = decodeQueue();

/**
 * What a character of a data: URL costs, in the budget's pixels. Receiving, cleaning and
 * base64-decoding a character, and reading the image's header, take the worker far less than jsQR
 * takes on a pixel (~1 µs, decode-queue.ts), so this overcharges; still, a setup page's QR (≤ ~130 K
 * characters) costs under 1% of the budget, while a tab gets at most ~18 data: URLs of the largest
 * size (MAX_DATA_URL) a minute.
 */
export const PIXELS_PER_DATA_URL_CHAR = 1;

/** What a decode needs; a unit test passes fakes. */
export interface DecodeDeps {
  queue: DecodeQueue;
  fetchImage: typeof fetchImage;
  /** `declared`: the size its header declares, already checked. */
  toRgba: (blob: Blob, declared: ImageSize) => Promise<RgbaImage>;
  decode: (image: RgbaImage) => Promise<string | null>;
}
const DEPS: DecodeDeps = {
  queue: candidateQueue,
  fetchImage,
  toRgba: (blob, declared) => imageToRgba(blob, undefined, MAX_READ_PIXELS, declared),
  decode: async (image) => (await decodeQrPausing(image))?.text ?? null,
};

/**
 * The authenticator URI in a QR candidate, or null (not a QR, or a QR that is not an authenticator
 * key: a web address, Microsoft's activation link…). Decoding happens here, never in the page.
 * Cross-origin images are fetched by the background (host permission), see image-fetch.ts; what the page
 * cannot read at all is cropped from a capture of the sender's tab, see captureSource. Every decode
 * waits its turn and is paid for from the tab's budget (decode-queue.ts): over it, DecodeRefused.
 */
export async function authenticatorUri(
  source: CandidateSource,
  pageOrigin: string,
  sender: SenderLike,
  deps: DecodeDeps = DEPS,
): Promise<{ isQr: boolean; uri: string | null }> {
  const text = source.kind === 'uri' ? source.uri : await decodeText(source, pageOrigin, sender, deps);
  if (text === null) return { isQr: false, uri: null };
  return { isQr: true, uri: classifyQrText(text).kind === 'other' ? null : text.trim() };
}

async function decodeText(
  source: Exclude<CandidateSource, { kind: 'uri' }>,
  pageOrigin: string,
  sender: SenderLike,
  { queue, fetchImage, toRgba, decode }: DecodeDeps,
): Promise<string | null> {
  const tabId = sender.tab?.id ?? -1;
  if ((sender.frameId ?? 0) === 0 && sender.documentId) queue.topDocument(tabId, sender.documentId);
  queue.charge(tabId, BASE_COST);
  if (source.kind === 'capture') {
    const crop = await captureSource(source, sender, pageOrigin);
    if (!crop) return null;
    queue.charge(tabId, Math.min(crop.width * crop.height, CAPTURE_COST_PIXELS));
    return queue.run(tabId, () => decode(crop));
  }
  // A data: URL (a `png`, or a short one as a `url`) is paid for by its length before it is read: its
  // pixels may be few while its bytes are many (a QR PNG padded with a 7 MB text chunk, the reviewer's
  // flood). One over MAX_DATA_URL is no candidate (the message check refuses it first).
  const inline = source.kind === 'png' ? source.dataUrl : /^data:/i.test(source.url) ? source.url : null;
  if (inline !== null) {
    if (inline.length > MAX_DATA_URL) return null;
    queue.charge(tabId, inline.length * PIXELS_PER_DATA_URL_CHAR);
  }
  const blob =
    source.kind === 'png' ? await dataUrlBlob(source.dataUrl) : await imageAt(source.url, pageOrigin, fetchImage);
  if (!blob || blob.size > MAX_IMAGE_BYTES || blob.type.includes('svg')) return null;
  // An image whose header declares more than MAX_OFFERED_PIXELS (4 MP) is no candidate (ImageRefused):
  // never decoded, no budget spent on it (a setup QR is ≤ ~1 MP). Measured in Chromium's worker, a
  // 4096×4096 PNG decodes and scales to 2 MP in ~0.1 s off the worker's thread; what held the thread
  // was jsQR on those 2 MP (decode-queue.ts). One under it is paid for by what will be read (the
  // header's size, scaled down to MAX_READ_PIXELS), before anything decodes it.
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const declared = checkDecodable(bytes, MAX_OFFERED_PIXELS);
  // An animated image is read in its first frame while the page shows the others: no candidate.
  if (animated(bytes)) return null;
  const size = fitWithin(declared, MAX_READ_PIXELS);
  queue.charge(tabId, size.width * size.height);
  return queue.run(tabId, async () => decode(await toRgba(blob, declared)));
}

async function dataUrlBlob(dataUrl: string): Promise<Blob | null> {
  // Real pages write "data:image/png;base64, iVBOR…" (a space after the comma): tolerate whitespace.
  if (!/^data:image\/(png|jpeg|gif|webp|bmp);base64,/i.test(dataUrl.replace(/\s+/g, ''))) return null;
  const cleaned = dataUrl.replace(/\s+/g, '');
  return (await fetch(cleaned)).blob();
}

function imageAt(url: string, pageOrigin: string, load: typeof fetchImage): Promise<Blob | null> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return dataUrlBlob(url);
  return load(parsed, pageOrigin);
}
