/** The inputs of code generation, independent of where an account came from. */

export const OTP_TYPES = ['totp', 'hotp', 'steam'] as const;
export type OtpType = (typeof OTP_TYPES)[number];

/** HMAC hashes WebCrypto can compute (RFC 6238 §1.2 names SHA-1/256/512). */
export const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

export interface OtpParams {
  type: OtpType;
  /** Raw key bytes (the K of RFC 4226 §5.1). */
  secret: Uint8Array;
  algorithm: Algorithm;
  /** 6–8 for totp/hotp (RFC 4226 §5.3 Digit); always 5 for steam. */
  digits: number;
  /** Seconds per time step (X of RFC 6238 §4.1); 30 for hotp, where it is unused. */
  period: number;
  /** Moving factor of HOTP (C of RFC 4226 §5.1); 0 for totp/steam, where it is unused. */
  counter: number;
}

/** Defaults of the Key URI format (and of RFC 6238 §4.1 for the period). */
export const DEFAULTS = { algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const;

/** Steam Guard has fixed parameters: 5 characters, HMAC-SHA1, 30-second steps. */
export const STEAM = { algorithm: 'SHA1', digits: 5, period: 30 } as const;

/** Digits allowed for numeric codes: the wiki names 6 and 8; 7 is used in the wild (Aegis, hectorm). */
export const MIN_DIGITS = 6;
export const MAX_DIGITS = 8;

/**
 * Largest accepted period (one day). RFC 6238 §5.2 recommends 30 s; KeePassXC caps at 86400 s.
 * A longer step is far more likely a typo than a real service, so it is rejected, not clamped
 * (clamping would silently produce wrong codes).
 */
export const MAX_PERIOD = 86_400;
