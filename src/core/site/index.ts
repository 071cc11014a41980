export { siteKey, siteOf, type Scheme, type SiteKey } from './site';
export { matchAccounts, originMatches, sameOrigin, type SiteBound } from './match';
export { issuerNamesSite, siteLabel } from './issuer';
export { isPrivateHost } from './private-host';
