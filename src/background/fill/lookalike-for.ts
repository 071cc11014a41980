import { lookalikeOf, type Lookalike } from '../../core/site/lookalike';
import type { VaultData } from '../../core/vault';

/**
 * Whether `origin` looks like the site of one of the user's accounts without being it (see
 * core/site/lookalike.ts): every account's sites, and the issuers of accounts bound to no site.
 * Computed here, in the background: the check needs the public-suffix list, which the popup must not load.
 */
export function lookalikeFor(data: VaultData, origin: string): Lookalike | null {
  return lookalikeOf(origin, {
    sites: data.accounts.flatMap((a) => a.sites),
    issuers: data.accounts.filter((a) => a.sites.length === 0).map((a) => a.issuer),
  });
}
