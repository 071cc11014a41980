import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase32, encodeBase32, normalizeBase32 } from '../../../src/core/bytes/base32';
import { bytesToHex } from '../fixtures';
import { coreErrorOf, uriFixture } from './uri-cases';

describe('bareSecrets of otpauth-uris.json', () => {
  it('has the advertised number of secrets', () => {
    expect(uriFixture.bareSecrets).toHaveLength(uriFixture.counts.bareSecrets);
  });

  it.each(uriFixture.bareSecrets.filter((s) => s.expect === 'parse'))('parses "$input"', (secret) => {
    expect(normalizeBase32(secret.input)).toBe(secret.normalized);
    expect(bytesToHex(decodeBase32(secret.input))).toBe(secret.hex);
    expect(encodeBase32(decodeBase32(secret.input))).toBe(secret.normalized);
  });

  it.each(uriFixture.bareSecrets.filter((s) => s.expect === 'reject'))('rejects "$input"', (secret) => {
    const error = coreErrorOf(() => decodeBase32(secret.input));
    expect([error.code, error.field]).toEqual(['base32/invalid', 'secret']);
  });
});

describe('base32 strictness', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'only spaces'],
    ['====', 'only padding'],
    ['A', '1 char: not a whole byte'],
    ['ABC', '3 chars'],
    ['ABCDEF', '6 chars'],
    ['AB=CD', 'padding in the middle'],
    ['ABCD!EFG', 'punctuation'],
    ['ÄBCDEFGH', 'non-ASCII'],
  ])('rejects %j (%s)', (input) => {
    expect(coreErrorOf(() => decodeBase32(input)).code).toBe('base32/invalid');
  });

  it('accepts hyphen-grouped keys and tabs', () => {
    expect(encodeBase32(decodeBase32('jbsw-y3dp\tehpk-3pxp'))).toBe('JBSWY3DPEHPK3PXP');
  });

  // Non-zero trailing bits are tolerated (documented in base32.ts): "AB" and "AA" differ only in
  // the 2 unused bits, so both decode to the single byte 0x00.
  it('ignores non-zero trailing bits', () => {
    expect(bytesToHex(decodeBase32('AB'))).toBe('00');
    expect(bytesToHex(decodeBase32('AA'))).toBe('00');
  });

  it('encodes without padding and decodes back (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 80 }), (bytes) => {
        const text = encodeBase32(bytes);
        expect(text).toMatch(/^[A-Z2-7]+$/);
        expect(decodeBase32(text)).toEqual(bytes);
        expect(decodeBase32(text.toLowerCase())).toEqual(bytes);
      }),
    );
  });
});

describe('base32 on hostile input', () => {
  it('150,000 "=" then a letter is refused in linear time (/=+$/ was quadratic: ~8 s)', () => {
    const start = performance.now();
    expect(() => decodeBase32(`${'='.repeat(150_000)}A`)).toThrow(expect.objectContaining({ code: 'base32/invalid' }));
    expect(normalizeBase32(`${'='.repeat(150_000)}A`)).toHaveLength(150_001);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('still trims only trailing padding', () => {
    expect(normalizeBase32('mzxw6===')).toBe('MZXW6');
    expect(normalizeBase32('====')).toBe('');
    expect(normalizeBase32('MZ=XW6==')).toBe('MZ=XW6');
  });
});
