import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOtpauthUri, parseOtpauthUri } from '../../../src/core/otpauth-uri';
import { anyAccount } from './arbitraries';
import { casesWith, coreErrorOf } from './uri-cases';

describe('formatOtpauthUri', () => {
  it('parseOtpauthUri(formatOtpauthUri(a)) is a (property)', () => {
    fc.assert(
      fc.property(anyAccount, (account) => {
        expect(parseOtpauthUri(formatOtpauthUri(account))).toEqual(account);
      }),
      { numRuns: 500 },
    );
  });

  it('writes the wiki form: issuer as label prefix and parameter, unpadded secret', () => {
    const account = parseOtpauthUri(
      'otpauth://totp/ACME%20Co:john@example.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co',
    );
    expect(formatOtpauthUri(account)).toBe(
      'otpauth://totp/ACME%20Co:john%40example.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('writes Steam as otpauth://steam/ and hotp with its counter', () => {
    const steam = parseOtpauthUri('otpauth://totp/Steam:?secret=FMXNK4QEGKVPULRTADY6JIDK5VHUBGZW&encoder=steam');
    expect(formatOtpauthUri(steam)).toBe('otpauth://steam/Steam:?secret=FMXNK4QEGKVPULRTADY6JIDK5VHUBGZW&issuer=Steam');
    const hotp = parseOtpauthUri('otpauth://hotp/x?secret=AA&counter=10000000000');
    expect(formatOtpauthUri(hotp)).toBe('otpauth://hotp/x?secret=AA&algorithm=SHA1&digits=6&counter=10000000000');
  });

  it('keeps an account containing ":" whole when there is no issuer', () => {
    const account = { ...parseOtpauthUri('otpauth://totp/x?secret=AA'), account: 'encoding: ¿ä? (demo)' };
    const uri = formatOtpauthUri(account);
    expect(uri.startsWith('otpauth://totp/:encoding%3A%20')).toBe(true);
    expect(parseOtpauthUri(uri)).toEqual(account);
  });

  it('round-trips every must-parse fixture case to the same account', () => {
    for (const c of casesWith('parse')) {
      const account = parseOtpauthUri(c.uri);
      expect(parseOtpauthUri(formatOtpauthUri(account)), c.id).toEqual(account);
    }
  });

  it('throws a typed error for text that has no UTF-8 form (lone surrogate)', () => {
    const account = { ...parseOtpauthUri('otpauth://totp/x?secret=AA'), issuer: '\uD800' };
    const error = coreErrorOf(() => formatOtpauthUri(account));
    expect([error.code, error.field]).toEqual(['uri/malformed', 'label']);
  });
});
