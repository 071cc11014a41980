/**
 * Which decoded QR payloads are authenticator enrolments. Only the otpauth:// Key Uri Format
 * (github.com/google/google-authenticator/wiki/Key-Uri-Format) and Google Authenticator's export
 * (otpauth-migration://offline?data=…) count. Everything else, including web URLs and Microsoft's
 * non-standard activation QRs (phonefactor://…, or an https URL carrying an activation code), is
 * 'other': the page must not offer "Add to Authenticator" for it.
 */
export type QrTextKind = 'otpauth' | 'otpauth-migration' | 'other';

export interface ClassifiedQrText {
  readonly kind: QrTextKind;
  readonly text: string;
}

// RFC 3986 §3.1: schemes are case-insensitive. Leading/trailing whitespace is tolerated because
// some generators append a newline; anything else before the scheme disqualifies the text.
const SCHEME = /^\s*([a-z][a-z0-9+.-]*):\/\//i;

export function classifyQrText(text: string): ClassifiedQrText {
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  const kind: QrTextKind =
    scheme === 'otpauth' ? 'otpauth' : scheme === 'otpauth-migration' ? 'otpauth-migration' : 'other';
  return { kind, text: kind === 'other' ? text : text.trim() };
}
