/**
 * Does the page's site look like the site of an account the user has, without being it? A phishing
 * page for `mailmachine.test` lives at `mai1machine.test`, `mailmachine-login.test`,
 * `mailmachine.verify-account.test` or `mailmachine.com`: the codes of the real account must not go
 * there, and an unbound account must not be bound there by a hurried click. This is a warning for the
 * user (shown in our own UI), never a reason to fill: filling is matched by exact site (./match.ts).
 *
 * Known names come from accounts' sites (registrable domains) and, for accounts bound to no site, from
 * their issuer ("Mail Machine" → the brand `mailmachine`). Rules, on labels compared by skeleton
 * (./skeleton.ts), tested in tests/unit/site/lookalike.test.ts:
 * - the page's exact site is one of the accounts' sites: never a lookalike;
 * - other TLD: same label, another public suffix (`mailmachine.com`, `mailmachine.co.uk`);
 * - confusable: same skeleton, other characters (`g00gle`, `rnicrosoft`, `xn--pypal-4ve` = Cyrillic а);
 * - added word: the name is a word or label of the page's host, or inside its label when ≥ 5 long
 *   (`paypal-resolution-center`, `coinbase.help-desk.io`, `securemailmachine`);
 * - typo: one edit (Damerau–Levenshtein ≤ 1) on labels of ≥ 5 characters (`gooogle`, `mailmahcine`).
 * Distinct names two edits apart are not lookalikes: `gitlab.com` does not warn for a `github.com`
 * account (both real sites; warning there would teach users to ignore the warning).
 * For a brand, a site whose label spells it exactly is fine (`google.de` for "Google": we do not know
 * the brand's own domains), spelled as ./issuer.ts binds a site: the issuer's words joined with nothing
 * or with hyphens ("Mail Machine" → `mailmachine`, `mail-machine`; "PayPal" → `paypal` only, so
 * `pay-pal.com` warns). Never fine under a private suffix of the public-suffix list, where anyone may
 * have the site (`paypal.github.io`, `paypal.blogspot.com`): there it is reported as another TLD.
 * Anything else above is a lookalike.
 */
import { parse } from 'tldts';
import { issuerLabels } from './issuer';
import { skeleton, withinOneEdit } from './skeleton';

export type LookalikeReason = 'other-tld' | 'confusable' | 'added-word' | 'typo';

export interface Lookalike {
  /** The page's site (registrable domain), e.g. `mai1machine.test`. */
  site: string;
  /** What it looks like: an account's site (`kind: 'site'`) or an unbound account's issuer (`'issuer'`). */
  like: string;
  kind: 'site' | 'issuer';
  reason: LookalikeReason;
}

export interface KnownNames {
  /** The sites (origins or hosts) accounts are bound to. */
  sites: readonly string[];
  /** The issuers of accounts bound to no site. */
  issuers: readonly string[];
}

interface Name {
  site: string;
  /** The registrable domain without its public suffix: `mailmachine` of `login.mailmachine.co.uk`. */
  label: string;
  /** Skeletons of every label of the host but the suffix, and of each hyphen-separated word in them. */
  words: string[];
  /** The suffix is a private one of the list (`github.io`, `blogspot.com`): anyone may have the site. */
  isPrivate: boolean;
}

/** Words too common to be a brand of their own ("Mail", "Login", ...): they would warn everywhere. */
const COMMON = new Set([
  'www',
  'login',
  'signin',
  'account',
  'accounts',
  'auth',
  'secure',
  'portal',
  'app',
  'apps',
  'mail',
  'test',
  'example',
  'imported',
  'unknown',
]);

function hostOf(origin: string): string | null {
  try {
    return new URL(
      /^[a-z][a-z0-9+.-]*:/i.test(origin.trim()) ? origin.trim() : `https://${origin.trim()}`,
    ).hostname.replace(/\.$/, '');
  } catch {
    // Not a URL: no hostname to compare.
    return null;
  }
}

/** The parts of a host that a person reads as its name; null for IPs and hosts with no registrable domain. */
function nameOf(origin: string): Name | null {
  const host = hostOf(origin);
  if (!host) return null;
  const info = parse(host, { allowPrivateDomains: true });
  if (info.isIp || !info.domain || !info.domainWithoutSuffix) return null;
  const labels = [...(info.subdomain ? info.subdomain.split('.') : []), info.domainWithoutSuffix];
  const words = labels
    .flatMap((label) => [label, ...label.split('-')])
    .map(skeleton)
    .filter((w) => w.length > 0);
  return { site: info.domain, label: info.domainWithoutSuffix, words, isPrivate: info.isPrivate === true };
}

/** Lower case ASCII letters and digits only, accents dropped: "Mail Machine" → `mailmachine`. */
function squash(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

/** The site an issuer written as a domain ("github.com") names, or null. */
const asDomain = (issuer: string): Name | null => {
  const text = issuer.trim();
  return /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(text) ? nameOf(text) : null;
};

/**
 * The labels that spell an issuer's brand exactly: its words joined with nothing or with hyphens
 * ("Mail Machine" → `mailmachine`, `mail-machine`, ./issuer.ts issuerLabels), or, for an issuer written
 * as a domain ("github.com"), that domain's label alone. Empty when the issuer has no ASCII letters or digits.
 */
function brandLabels(issuer: string): string[] {
  const domain = asDomain(issuer);
  return domain ? [domain.label] : issuerLabels(issuer.trim());
}

/** How `page` imitates the name `known` (a label or brand); null when it does not. */
function imitation(page: Name, known: string): LookalikeReason | null {
  const target = skeleton(known);
  if (target.length < 3) return null;
  const label = skeleton(page.label);
  if (page.label === known) return 'other-tld';
  if (label === target) return 'confusable';
  if (page.words.includes(target) || (target.length >= 5 && label.includes(target))) return 'added-word';
  if (label.length >= 5 && target.length >= 5 && withinOneEdit(label, target)) return 'typo';
  if (target.length >= 5 && page.words.some((w) => w.length >= 5 && withinOneEdit(w, target))) return 'typo';
  return null;
}

/** Whether the page at `pageOrigin` looks like one of the known names without being it, and which. */
export function lookalikeOf(pageOrigin: string, known: KnownNames): Lookalike | null {
  const page = nameOf(pageOrigin);
  if (!page) return null;
  const sites = known.sites.map(nameOf).filter((n): n is Name => n !== null);
  if (sites.some((s) => s.site === page.site)) return null;
  for (const account of sites) {
    const reason = imitation(page, account.label);
    if (reason) return { site: page.site, like: account.site, kind: 'site', reason };
  }
  for (const issuer of known.issuers) {
    // An issuer written as a domain ("mycloud.duckdns.org"): that very site is its own, private suffix or not.
    if (asDomain(issuer)?.site === page.site) continue;
    const own = brandLabels(issuer);
    const brand = squash(own[0] ?? '');
    if (brand.length < 3 || COMMON.has(brand)) continue;
    const found = { site: page.site, like: issuer.trim(), kind: 'issuer' } as const;
    if (own.includes(page.label)) {
      // For a brand we do not know its suffix: its exact label under a public one is fine ("fine" above).
      if (page.isPrivate) return { ...found, reason: 'other-tld' };
      continue;
    }
    const reason = imitation(page, brand);
    if (reason) return { ...found, reason };
  }
  return null;
}
