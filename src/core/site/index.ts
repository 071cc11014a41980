export { siteKey, siteOf, type Scheme, type SiteKey } from './site';
export { matchAccounts, originMatches, type SiteBound } from './match';
export { issuerRelatesToHost } from './related';
export { issuerNamesSite, siteLabel } from './issuer';
export { isPrivateHost } from './private-host';
