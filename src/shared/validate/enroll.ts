/**
 * Run-time checks for the QR sources a content script sends (`enroll/candidate`, shared/messages/enroll.ts). The page's own script may have
 * replaced ours in its world, or a compromised renderer may send anything: sizes are bounded before
 * the background fetches, decodes or stores a byte of it.
 */
import { MAX_DATA_URL } from '../image-limits';
import { num, object, str, url, variant } from './check';

/** Largest image the background fetches and decodes (background/enroll/image-fetch.ts); a data: URL has its own, smaller cap (MAX_DATA_URL). */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** Image URLs to fetch: http(s), or a small data: URL (larger data: images come as `png`). */
const MAX_URL = 8 * 1024;
/** An otpauth(-migration) URI: a QR holds at most 2953 bytes, a link a little more once escaped. */
const MAX_URI = 4 * 1024;
/** CSS px: a QR must be on screen, and no screen is this large (capture-rect.ts checks the rest). */
const SIDE = 16_384;

export const candidateSource = variant('kind', {
  url: { url: url(MAX_URL, ['https:', 'http:', 'data:']) },
  png: { dataUrl: str(MAX_DATA_URL, /^data:image\//i) },
  uri: { uri: str(MAX_URI, /^\s*otpauth(-migration)?:/i) },
  capture: {
    rect: object({ x: num(-SIDE, SIDE), y: num(-SIDE, SIDE), width: num(0, SIDE), height: num(0, SIDE) }),
    viewport: num(1, SIDE),
  },
});
