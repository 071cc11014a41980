/**
 * Whether an account's issuer names the site of the page that showed its QR. Decides whether a key
 * enrolled from a page is bound to that page's site (and so filled there without a click) or added
 * bound to no site. Strict on purpose: a page that shows another site's QR (a phishing proxy of a
 * real setup page, a Google Authenticator export) must not get that account's codes.
 *
 * The rule (pure, table-tested in tests/unit/site/issuer.test.ts):
 * - the page's label is the one label before its public suffix (tldts, private section on):
 *   `aws.amazon.com` → `amazon`, `google-account-verify.com` → `google-account-verify`;
 * - the issuer's words are its ASCII letters and digits, lower-cased, after compatibility
 *   normalisation and with accents dropped (`Mail Machine` → `mail`, `machine`);
 * - it names the site when the label equals the words joined with nothing or with hyphens
 *   (`mailmachine`, `mail-machine`), or the issuer has several words and the label equals the first,
 *   if that is at least 4 characters (`Amazon Web Services` ↔ `amazon`).
 * So `Google` names google.com and google.co.uk, but not google-account-verify.com, g-oogle.com or
 * accounts-google.com. Hosts without a registrable domain (IP addresses, `localhost`, a bare public
 * suffix) never match.
 *
 * What it cannot do: a name is not an identity. A page on another TLD that spells the issuer
 * (`google.example`) passes; the lookalike warning in the popup is the defence there.
 */
import { parse } from 'tldts';

const MIN_FIRST_WORD = 4;

/** The issuer's words (`Mail Machine` → `mail`, `machine`). */
function issuerWords(issuer: string): string[] {
  return issuer
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The label before the public suffix of `origin`'s host, or null (IP, localhost, unparsable, not http(s)). */
export function siteLabel(origin: string): string | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    // An origin that does not parse has no site to name.
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const info = parse(url.hostname.replace(/\.$/, ''), { allowPrivateDomains: true });
  if (info.isIp || !info.domain) return null;
  return info.domainWithoutSuffix || null;
}

/** The site labels that spell `words` whole: joined with nothing or with hyphens (`mailmachine`, `mail-machine`). */
const spellings = (words: string[]): string[] =>
  words.length === 0 ? [] : [...new Set([words.join(''), words.join('-')])];

/**
 * The labels that spell an issuer whole (`Mail Machine` → `mailmachine`, `mail-machine`; none for an
 * issuer with no ASCII letters or digits): the rule issuerNamesSite binds by, which ./lookalike.ts
 * takes as the brand's own labels.
 */
export const issuerLabels = (issuer: string): string[] => spellings(issuerWords(issuer));

export function issuerNamesSite(issuer: string, origin: string): boolean {
  const label = siteLabel(origin);
  const parts = issuerWords(issuer);
  if (!label || parts.length === 0) return false;
  if (spellings(parts).includes(label)) return true;
  return parts.length > 1 && parts[0]!.length >= MIN_FIRST_WORD && label === parts[0];
}
