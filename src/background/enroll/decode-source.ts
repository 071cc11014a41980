import { classifyQrText, decodeQr } from '../../core/qr';
import { imageToRgba } from '../../platform/capture';
import type { CandidateSource } from '../../shared/protocol';
import type { SenderLike } from '../../shared/sender';
import { captureSource } from './capture-source';
import { fetchImage } from './image-fetch';

const MAX_BYTES = 8 * 1024 * 1024;

/**
 * The authenticator URI in a QR candidate, or null (not a QR, or a QR that is not an authenticator
 * key: a web address, Microsoft's activation link…). Decoding happens here, never in the page.
 * Cross-origin images are fetched by the background (host permission), see image-fetch.ts; what the page
 * cannot read at all is cropped from a capture of the sender's tab, see captureSource.
 */
export async function authenticatorUri(
  source: CandidateSource,
  pageOrigin: string,
  sender: SenderLike,
): Promise<{ isQr: boolean; uri: string | null }> {
  const text = source.kind === 'uri' ? source.uri : await decodeText(source, pageOrigin, sender);
  if (text === null) return { isQr: false, uri: null };
  return { isQr: true, uri: classifyQrText(text).kind === 'other' ? null : text.trim() };
}

async function decodeText(
  source: Exclude<CandidateSource, { kind: 'uri' }>,
  pageOrigin: string,
  sender: SenderLike,
): Promise<string | null> {
  if (source.kind === 'capture') {
    const crop = await captureSource(source, sender, pageOrigin);
    return crop && (decodeQr(crop)?.text ?? null);
  }
  const blob = source.kind === 'png' ? await dataUrlBlob(source.dataUrl) : await imageAt(source.url, pageOrigin);
  if (!blob || blob.size > MAX_BYTES || blob.type.includes('svg')) return null;
  return decodeQr(await imageToRgba(blob))?.text ?? null;
}

async function dataUrlBlob(dataUrl: string): Promise<Blob | null> {
  // Real pages write "data:image/png;base64, iVBOR…" (a space after the comma): tolerate whitespace.
  if (!/^data:image\/(png|jpeg|gif|webp|bmp);base64,/i.test(dataUrl.replace(/\s+/g, ''))) return null;
  const cleaned = dataUrl.replace(/\s+/g, '');
  return (await fetch(cleaned)).blob();
}

function imageAt(url: string, pageOrigin: string): Promise<Blob | null> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return dataUrlBlob(url);
  return fetchImage(parsed, pageOrigin);
}
