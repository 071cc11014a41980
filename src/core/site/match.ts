import { siteKey } from './site';

/**
 * Whether a frame at `frameOrigin` may receive codes of an account enrolled at `accountSite`.
 * Schemeful same-site (see site.ts): the schemes are equal (an https enrolment never fills over http;
 * an http enrolment fills only http frames) and the registrable domains are equal. Ports are ignored.
 * IP literals match only the identical IP. Anything unparsable matches nothing (fail closed).
 */
export function originMatches(accountSite: string, frameOrigin: string): boolean {
  const account = siteKey(accountSite);
  const frame = siteKey(frameOrigin);
  if (!account || !frame) return false;
  return account.scheme === frame.scheme && account.ip === frame.ip && account.site === frame.site;
}

/**
 * Whether `frameOrigin` is exactly `accountSite`'s origin: same scheme, host and port (default ports
 * normalised, a bare host read as https). For accounts narrowed to their exact origins: a site whose
 * other subdomains serve other people's content (`user1.example.com`) must not get the code.
 */
export function sameOrigin(accountSite: string, frameOrigin: string): boolean {
  const origin = (text: string): string | null => {
    try {
      const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text.trim()) ? text.trim() : `https://${text.trim()}`);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
    } catch {
      // Not a URL: no origin.
      return null;
    }
  };
  const account = origin(accountSite);
  return account !== null && account === origin(frameOrigin);
}

export interface SiteBound {
  readonly id: string;
  readonly sites: readonly string[];
  /** `exactOrigin`: only the exact origins in `sites`, not the rest of their sites. */
  readonly fill?: { readonly exactOrigin?: boolean };
}

/** The ids of the accounts with at least one site matching `frameOrigin`, in input order. */
export function matchAccounts(accounts: readonly SiteBound[], frameOrigin: string): string[] {
  const matches = (a: SiteBound) => (a.fill?.exactOrigin ? sameOrigin : originMatches);
  return accounts.filter((a) => a.sites.some((site) => matches(a)(site, frameOrigin))).map((a) => a.id);
}
