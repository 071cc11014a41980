/**
 * Which site an enrolled key is bound to, and whether the page gets its first code. Pure.
 *
 * A key bound to a site is filled there without a click, so binding must not be something a page can
 * stage. The page's origin comes from `sender`; what it cannot choose is the issuer inside a key it
 * wants to steal codes of. So a key is bound to the page's site only when
 * - it was not read from a tab capture (pixels the page may not read itself: another site's QR under
 *   an empty element, see capture-ask.ts) unless the user ticked "Use it on <site>" in the popup,
 * - it is not from a Google Authenticator export (a bank's account in an export shown on some site),
 * - its issuer names the site (core/site/issuer.ts), unless the user ticked;
 * - and the page's site does not look like the site of one of the user's accounts (`lookalike`, see
 *   core/site/lookalike.ts): a site bound to an account is never warned about, so a QR on `gogle.com`
 *   whose issuer spells "Gogle" (or "Google" with a Cyrillic o) would otherwise switch off, with one
 *   click, the warning that stands between the real Google account and that phishing site.
 * Everything else is added bound to no site: the in-field button offers it at the next login.
 */
import { issuerNamesSite } from '../../core/site';
import type { ParsedAccount } from '../../core/otpauth-uri/types';
import type { Pending } from './pending';

type Source = Pick<Pending, 'origin' | 'captured' | 'batch'>;

/**
 * `userBinds`: the user ticked "Use it on <site>" in the popup's capture confirmation. `lookalike`: the
 * page's site looks like one of the user's accounts' sites (checked on the vault before the add).
 */
export function sitesFor(
  entry: Source,
  account: Pick<ParsedAccount, 'issuer'>,
  userBinds = false,
  lookalike = false,
): string[] {
  if (entry.batch) return [];
  if (entry.captured) return userBinds ? [entry.origin] : [];
  return !lookalike && issuerNamesSite(account.issuer, entry.origin) ? [entry.origin] : [];
}

/**
 * Whether the page's confirmation field gets the first code. A page that showed an otpauth QR knows
 * that key already (it drew it, or its server can fetch the same anonymous image); an export's
 * accounts are other sites' keys; a captured key may be another site's unless the user said it is
 * this site's.
 */
export function codeForPage(entry: Source, userBinds = false): boolean {
  if (entry.batch) return false;
  return !entry.captured || userBinds;
}
