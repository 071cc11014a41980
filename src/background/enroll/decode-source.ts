import { classifyQrText, decodeQr } from '../../core/qr';
import { imageToRgba } from '../../platform/capture';
import type { CandidateSource } from '../../shared/protocol';

const MAX_BYTES = 8 * 1024 * 1024;

/**
 * The authenticator URI in a QR candidate, or null (not a QR, or a QR that is not an authenticator
 * key: a web address, Microsoft's activation link…). Decoding happens here, never in the page.
 * Cross-origin images are fetched by the background (host permission) as the page's <img> would be.
 */
export async function authenticatorUri(source: CandidateSource): Promise<{ isQr: boolean; uri: string | null }> {
  const text = source.kind === 'uri' ? source.uri : await decodeText(source);
  if (text === null) return { isQr: false, uri: null };
  return { isQr: true, uri: classifyQrText(text).kind === 'other' ? null : text.trim() };
}

async function decodeText(source: Exclude<CandidateSource, { kind: 'uri' }>): Promise<string | null> {
  const blob = source.kind === 'png' ? await dataUrlBlob(source.dataUrl) : await fetchImage(source.url);
  if (!blob || blob.size > MAX_BYTES || blob.type.includes('svg')) return null;
  return decodeQr(await imageToRgba(blob))?.text ?? null;
}

async function dataUrlBlob(dataUrl: string): Promise<Blob | null> {
  // Real pages write "data:image/png;base64, iVBOR…" (a space after the comma): tolerate whitespace.
  if (!/^data:image\/(png|jpeg|gif|webp|bmp);base64,/i.test(dataUrl.replace(/\s+/g, ''))) return null;
  const cleaned = dataUrl.replace(/\s+/g, '');
  return (await fetch(cleaned)).blob();
}

async function fetchImage(url: string): Promise<Blob | null> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return dataUrlBlob(url);
  const response = await fetch(parsed, { credentials: 'include', cache: 'force-cache' });
  return response.ok ? response.blob() : null;
}
