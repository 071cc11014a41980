/**
 * An account's names as text that has a UTF-8 form: a lone UTF-16 surrogate (possible in a JSON
 * import, `"\ud800"`, or a pasted name) becomes U+FFFD. Such a name was stored as it came, and then
 * every otpauth export of the whole vault, and the account's QR, failed on it (`encodeURIComponent`
 * has no UTF-8 for it). What `String.prototype.toWellFormed` does (ES2024, not in this lib target).
 */
export const wellFormed = (text: string): string =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
