export { siteKey, siteOf, type Scheme, type SiteKey } from './site';
export { matchAccounts, originMatches, sameOrigin, type SiteBound } from './match';
export { issuerRelatesToHost } from './related';
