/** Parser behaviours beyond the shared fixture: schemes, encoding, duplicates, bounds. */
import { describe, expect, it } from 'vitest';
import { parseOtpauthUri, parseSteamUri } from '../../../src/core/otpauth-uri';
import { coreErrorOf, uriFixture, view } from './uri-cases';

const base = 'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP';

describe('otherSchemes of otpauth-uris.json', () => {
  it.each(uriFixture.otherSchemes)('$input', (c) => {
    const account = parseSteamUri(c.input);
    expect(view(account, Object.keys(c.expected))).toEqual(c.expected);
    expect([account.issuer, account.account]).toEqual(['', '']);
  });

  it('steam:// rejects other schemes, a bad secret and extra parts', () => {
    expect(coreErrorOf(() => parseSteamUri('otpauth://totp/x?secret=AA')).code).toBe('uri/not-otpauth');
    expect(coreErrorOf(() => parseSteamUri('steam://JRZC1')).code).toBe('uri/bad-secret');
    expect(coreErrorOf(() => parseSteamUri('steam:JRZCL47CMXVOQMNPZR2F7J4RGI')).code).toBe('uri/malformed');
    expect(coreErrorOf(() => parseSteamUri('steam://')).code).toBe('uri/missing-secret');
  });
});

describe('parseOtpauthUri details', () => {
  it('keeps a literal "+" in the label (user+tag@example.com) but reads "+" as space in values', () => {
    const account = parseOtpauthUri('otpauth://totp/Air+Co:user+tag@example.com?secret=AA&issuer=Air+Co');
    expect([account.issuer, account.account]).toEqual(['Air Co', 'user+tag@example.com']);
  });

  it('reports bad percent-encoding with the field it is in', () => {
    const label = coreErrorOf(() => parseOtpauthUri('otpauth://totp/%E0%A4%A?secret=AA'));
    expect([label.code, label.field]).toEqual(['uri/malformed', 'label']);
    const issuer = coreErrorOf(() => parseOtpauthUri(`${base}&issuer=%ZZ`));
    expect([issuer.code, issuer.field]).toEqual(['uri/malformed', 'issuer']);
  });

  it('ignores junk in unknown parameters', () => {
    expect(parseOtpauthUri(`${base}&image=%ZZ&foo`).account).toBe('alice@google.com');
  });

  it('rejects duplicates of any known parameter with different values', () => {
    for (const [param, field] of [
      ['secret=AA&secret', 'secret'],
      ['issuer=a&issuer', 'issuer'],
      ['digits=6&digits', 'digits'],
    ]) {
      const error = coreErrorOf(() => parseOtpauthUri(`otpauth://totp/x?${param}=BB&secret=AA`));
      expect([error.code, error.field]).toEqual(['uri/duplicate-param', field]);
    }
    // Case-insensitive names: SECRET and secret are the same parameter.
    expect(coreErrorOf(() => parseOtpauthUri(`${base}&SECRET=AA`)).code).toBe('uri/duplicate-param');
  });

  it('trims whitespace around the whole URI (scanners append newlines)', () => {
    expect(parseOtpauthUri(`  ${base}\n`).issuer).toBe('Example');
  });

  it.each([
    ['digits=9', 'uri/bad-digits'],
    ['digits=5', 'uri/bad-digits'],
    ['digits=06', 'uri/bad-digits'],
    ['digits=6.0', 'uri/bad-digits'],
    ['period=-30', 'uri/bad-period'],
    ['period=1.5', 'uri/bad-period'],
    ['period=030', 'uri/bad-period'],
    ['algorithm=SHA-256', 'uri/bad-algorithm'],
    ['algorithm=', 'uri/bad-algorithm'],
  ])('rejects %s', (param, code) => {
    expect(coreErrorOf(() => parseOtpauthUri(`${base}&${param}`)).code).toBe(code);
  });

  it('accepts hotp counters up to 2^53 - 1 and rejects larger or negative ones', () => {
    const hotp = 'otpauth://hotp/x?secret=AA&counter=';
    expect(parseOtpauthUri(`${hotp}9007199254740991`).counter).toBe(Number.MAX_SAFE_INTEGER);
    expect(coreErrorOf(() => parseOtpauthUri(`${hotp}9007199254740992`)).code).toBe('uri/bad-counter');
    expect(coreErrorOf(() => parseOtpauthUri(`${hotp}-1`)).code).toBe('uri/bad-counter');
  });

  it('treats encoder=steam only on totp, case-insensitively', () => {
    expect(parseOtpauthUri('otpauth://totp/x?secret=AA&encoder=STEAM').type).toBe('steam');
    expect(parseOtpauthUri('otpauth://hotp/x?secret=AA&counter=1&encoder=steam').type).toBe('hotp');
  });

  it('rejects an unknown type even with otherwise valid parameters', () => {
    const error = coreErrorOf(() => parseOtpauthUri('otpauth://motp/x?secret=AA'));
    expect([error.code, error.field]).toEqual(['uri/bad-type', 'type']);
  });

  it('is not fooled by otpauth-migration:// or text before the scheme', () => {
    expect(coreErrorOf(() => parseOtpauthUri('otpauth-migration://offline?data=AA')).code).toBe('uri/not-otpauth');
    expect(coreErrorOf(() => parseOtpauthUri(`QR:${base}`)).code).toBe('uri/not-otpauth');
  });
});
