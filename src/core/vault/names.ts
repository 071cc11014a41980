/**
 * An account's names as text that has a UTF-8 form: a lone UTF-16 surrogate (possible in a JSON
 * import, `"\ud800"`, or a pasted name) becomes U+FFFD. Such a name was stored as it came, and then
 * every otpauth export of the whole vault, and the account's QR, failed on it (`encodeURIComponent`
 * has no UTF-8 for it). What `String.prototype.toWellFormed` does (ES2024, not in this lib target).
 */
export const wellFormed = (text: string): string =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** The longest name kept, in code points: a real issuer or account name is far shorter. */
export const MAX_NAME = 256;

/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), and invisible breaks (zero
 * width space U+200B, word joiner U+2060, BOM U+FEFF): a hostile QR's issuer `\u202EelgooG` shows as
 * "Google", and an override left open reverses our own words after the name. Zero width (non-)joiners
 * and the left-to-right and right-to-left marks stay: scripts and emoji need them, and they reorder
 * nothing strongly.
 */
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]/g;
/** C0 and C1 controls (a newline, a tab): a name is one line. */
// eslint-disable-next-line no-control-regex -- these very characters are what it removes
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * An account's issuer or name as it is stored and shown: well formed (above), without the characters
 * that hide or reorder text, on one line, at most MAX_NAME code points, trimmed.
 */
export function cleanName(text: string): string {
  const one = wellFormed(text).replace(HIDDEN, '').replace(CONTROLS, ' ').trim();
  const points = [...one];
  return points.length > MAX_NAME ? points.slice(0, MAX_NAME).join('').trimEnd() : one;
}
