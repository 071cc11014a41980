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
 *
 * A key bound to a page's site is narrowed to that page's exact origin when the user narrowed an account
 * of that site (`pageSite`, `boundTo`). A key the user adds from the page's selected text (the context
 * menu's "Add this key") is bound by the same rules (`sitesForSelection`).
 */
import { issuerNamesSite, originMatches } from '../../core/site';
import type { ParsedAccount } from '../../core/otpauth-uri/types';
import type { NewAccount, VaultData } from '../../core/vault';
import { lookalikeFor } from '../fill/lookalike-for';
import type { Pending } from './pending';

/** What the vault says about binding a key at a page's origin (read in the same write as the add). */
export interface PageSite {
  /** The page's site looks like the site of one of the user's accounts without being it. */
  lookalike: boolean;
  /** The user narrowed an account of this site to its exact origin. */
  narrowed: boolean;
}

export function pageSite(data: VaultData, origin: string): PageSite {
  return {
    // A page whose site looks like one of the user's accounts' sites is not bound: a bound site is
    // never warned about.
    lookalike: lookalikeFor(data, origin) !== null,
    // The user narrowed an account of this site to its exact origin (its other subdomains hold other
    // people's content): a key bound here from a page of such a subdomain is narrowed too, or it would
    // match the whole site, the narrowed origin included.
    narrowed: data.accounts.some((a) => a.fill.exactOrigin && a.sites.some((site) => originMatches(site, origin))),
  };
}

/** A new account bound to `sites`, narrowed to its exact origin when the page's site is narrowed. */
export function boundTo<T extends NewAccount>(input: T, sites: string[], site: PageSite): T & { sites: string[] } {
  return {
    ...input,
    sites,
    ...(site.narrowed && sites.length > 0 && { fill: { submitOn: [], appendOn: [], exactOrigin: true } }),
  };
}

/**
 * The sites of a key the user added from a page's selected text ("Can't scan? Enter this key", the
 * context menu): the frame's origin as the browser gives it to that document (null: opaque, a sandboxed
 * frame, or unknown), unless it looks like one of the user's accounts' sites, as for a QR's key.
 * The issuer rule does not apply: it stops a page from naming another site in a QR it staged, but here
 * the issuer is made from the frame's host (selection.ts), not given by the page, so the user expects
 * the key on the site they added it on, even where a QR's issuer could never name it (x.com, an IP).
 */
export function sitesForSelection(origin: string | null, site: Pick<PageSite, 'lookalike'>): string[] {
  return origin !== null && !site.lookalike ? [origin] : [];
}

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
