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

export interface SiteBound {
  readonly id: string;
  readonly sites: readonly string[];
}

/** The ids of the accounts with at least one site matching `frameOrigin`, in input order. */
export function matchAccounts(accounts: readonly SiteBound[], frameOrigin: string): string[] {
  return accounts.filter((a) => a.sites.some((site) => originMatches(site, frameOrigin))).map((a) => a.id);
}
