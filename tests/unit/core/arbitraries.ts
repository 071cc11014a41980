/** fast-check generators of valid accounts, shared by round-trip properties. */
import fc from 'fast-check';
import type { ParsedAccount } from '../../../src/core/otpauth-uri';

/** Text as users type it: any Unicode, including ":", "%", "+", "&", "/", "?", "#". */
const text = fc.string({ unit: 'grapheme', maxLength: 20 });
/** Account names never start with a space: spaces after the label separator are dropped (wiki). */
const accountName = text.filter((s) => !s.startsWith(' '));

const common = {
  secret: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  issuer: text,
  account: accountName,
};

export const totpAccount: fc.Arbitrary<ParsedAccount> = fc.record({
  type: fc.constant('totp' as const),
  ...common,
  algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
  digits: fc.integer({ min: 6, max: 8 }),
  period: fc.integer({ min: 1, max: 86_400 }),
  counter: fc.constant(0),
});

export const hotpAccount: fc.Arbitrary<ParsedAccount> = fc.record({
  type: fc.constant('hotp' as const),
  ...common,
  algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
  digits: fc.integer({ min: 6, max: 8 }),
  period: fc.constant(30),
  counter: fc.maxSafeNat(),
});

export const steamAccount: fc.Arbitrary<ParsedAccount> = fc.record({
  type: fc.constant('steam' as const),
  ...common,
  algorithm: fc.constant('SHA1' as const),
  digits: fc.constant(5),
  period: fc.constant(30),
  counter: fc.constant(0),
});

export const anyAccount = fc.oneof(totpAccount, hotpAccount, steamAccount);
