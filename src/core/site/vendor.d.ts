// Types for punycode.js (it ships none), used by the lookalike check.
declare module 'punycode.js' {
  /** RFC 3492 / 5891: a domain or label with `xn--` parts decoded to Unicode (ASCII parts unchanged). */
  export function toUnicode(domain: string): string;
}
