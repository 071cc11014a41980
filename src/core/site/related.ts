/**
 * Whether an account's issuer plausibly names `host` ("GitHub" ↔ github.com, "Amazon Web Services" ↔
 * aws.amazon.com). Only a nudge for the popup's "Always use this account on this site", which is
 * pre-ticked when this holds: a lookalike such as g00gle-login.example does not relate to "Google".
 * Never used to allow a fill; matching a frame to an account is ./match.ts.
 */
const COMMON = new Set(['www', 'login', 'signin', 'accounts', 'account', 'auth', 'secure', 'portal', 'app', 'apps', 'mail', 'test', 'example']);

const squash = (text: string): string => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');

export function issuerRelatesToHost(issuer: string, host: string): boolean {
  const name = squash(issuer);
  if (name.length < 3) return false;
  // The last label is the top-level domain (com, net, co.uk's uk...): never evidence on its own.
  const labels = host.toLowerCase().replace(/:\d+$/, '').split('.').slice(0, -1).flatMap((l) => l.split('-'));
  return labels.some((label) => label.length >= 3 && !COMMON.has(label) && (name.includes(label) || label.includes(name)));
}
