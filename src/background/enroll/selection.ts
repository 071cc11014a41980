import { parseManualEntry } from '../../core/otpauth-uri';
import { isCoreError } from '../../core/errors';
import type { ParsedAccount } from '../../core/otpauth-uri/types';

/**
 * "Can't scan? Enter this key": the selected text as a base32 key, named after the site when the page
 * gives no issuer, bound to the frame it was selected in (the URL comes from the browser, not the page).
 */
export function keyFromSelection(
  selection: string,
  frameUrl: string,
): { account: ParsedAccount; origin: string } | null {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    // A frame URL that does not parse: no origin to bind the key to.
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const issuer = url.hostname.replace(/^(www|accounts?|login|auth|secure|id)\./, '');
  try {
    return { account: parseManualEntry({ issuer, account: '', secret: selection.trim() }), origin: url.origin };
  } catch (error) {
    if (isCoreError(error)) return null;
    throw error;
  }
}
