/**
 * Registrable domains ("sites") of web origins, the unit the extension binds an account to.
 *
 * We follow the HTML standard's *schemeful same-site* notion (https://html.spec.whatwg.org/#same-site):
 * two origins are the same site when their schemes match and their hosts share a registrable domain
 * per the Public Suffix List (https://publicsuffix.org). Ports are ignored, as cookies and the HTML
 * standard ignore them. tldts supplies the PSL; we enable its *private* section too, so that
 * `alice.github.io` and `mallory.github.io` are different sites, exactly as browsers treat them.
 *
 * Decisions, tested in tests/unit/site:
 * - Hosts are normalised by WHATWG URL first: lower case, IDN → punycode (`münchen.de` →
 *   `xn--mnchen-3ya.de`), IPv4 shorthands (`0x7f.1` → `127.0.0.1`), userinfo dropped, trailing dot
 *   removed. Comparisons are on the ASCII form, so a Cyrillic homograph is a different `xn--` label.
 * - Unknown TLDs get the PSL default rule `*`: `mailmachine.test` is a registrable domain and
 *   `login.mailmachine.test` belongs to it.
 * - Hosts with no registrable domain (`localhost`, single-label intranet names, a bare public suffix
 *   such as `co.uk` or `github.io`) are their own site: only the identical host matches.
 *   So `http://localhost:8080` has site `localhost` and matches `http://localhost:3000` (ports ignored).
 * - IP literals are their own site (`127.0.0.1`, `[::1]`) and never match a name.
 * - Only http: and https: origins have a site; `file:`, `data:`, extension pages and the opaque
 *   origin `null` have none and never match.
 * - A stored site without a scheme (`example.com`) is read as `https://example.com`.
 */
import { parse } from 'tldts';

export type Scheme = 'http' | 'https';

/** A parsed origin: its scheme, its site (registrable domain, or the whole host), whether it is an IP. */
export interface SiteKey {
  readonly scheme: Scheme;
  readonly site: string;
  readonly ip: boolean;
}

function toUrl(origin: string): URL | null {
  const text = origin.trim();
  if (!text || text === 'null') return null;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    // Not a URL: the caller reports the typed error.
    return null;
  }
}

/** Parses an origin (or full URL, or bare host) into its scheme and site; null when it has no site. */
export function siteKey(origin: string): SiteKey | null {
  const url = toUrl(origin);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  const host = url.hostname.replace(/\.$/, '');
  if (!host) return null;
  const scheme: Scheme = url.protocol === 'https:' ? 'https' : 'http';
  const info = parse(host.replace(/^\[|\]$/g, ''), { allowPrivateDomains: true });
  if (info.isIp) return { scheme, site: host, ip: true };
  return { scheme, site: info.domain ?? host, ip: false };
}

/**
 * The registrable domain of `origin` (`https://accounts.example.com` → `example.com`), the host itself
 * when it has none (`localhost`, IPs, `co.uk`), or null for origins without a host or with another scheme.
 */
export function siteOf(origin: string): string | null {
  return siteKey(origin)?.site ?? null;
}
