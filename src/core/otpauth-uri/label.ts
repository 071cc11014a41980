/**
 * Label rules of the Key URI format (google-authenticator wiki "Key-Uri-Format", Label):
 * label = accountname / issuer (":" / "%3A") *"%20" accountname.
 */

export interface Names {
  issuer: string;
  account: string;
}

/**
 * Splits a percent-decoded label into issuer and account.
 * - If the issuer parameter is non-empty it wins (wiki: it is the one to trust; most apps show it),
 *   and a label that starts with exactly "<issuer>:" is split there, so an issuer that itself
 *   contains ":" still yields the right account (pyotp issue #174).
 * - Otherwise the label splits at its FIRST ":" (decoded "%3A" counts, per the wiki); the prefix
 *   is the issuer and spaces after the separator are dropped.
 * - An empty issuer parameter does not erase a label prefix.
 */
export function splitLabel(label: string, issuerParam: string): Names {
  if (issuerParam !== '' && label.startsWith(`${issuerParam}:`)) {
    return { issuer: issuerParam, account: trimSeparatorSpaces(label.slice(issuerParam.length + 1)) };
  }
  const colon = label.indexOf(':');
  if (colon < 0) return { issuer: issuerParam, account: label };
  const prefix = label.slice(0, colon);
  const account = trimSeparatorSpaces(label.slice(colon + 1));
  return { issuer: issuerParam !== '' ? issuerParam : prefix, account };
}

/**
 * Builds a label that `splitLabel(decoded label, issuer)` maps back to (issuer, account), for any
 * account that does not start with a space. An empty issuer still gets a ":" prefix when the
 * account contains ":", so the account is not mistaken for "issuer:account" on the way back.
 */
export function joinLabel(names: Names, encode: (part: string) => string): string {
  if (names.issuer !== '' || names.account.includes(':')) {
    return `${encode(names.issuer)}:${encode(names.account)}`;
  }
  return encode(names.account);
}

/** The wiki allows optional spaces between separator and account name. */
function trimSeparatorSpaces(account: string): string {
  return account.replace(/^ +/, '');
}
