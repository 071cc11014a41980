/** An account as the popup names it in one line: "Issuer · account", or whichever part it has ('' for none). */
export const accountName = (a: { issuer: string; account: string }): string =>
  [a.issuer, a.account].filter(Boolean).join(' · ');
