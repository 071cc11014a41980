import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from '../../../src/core/bytes/base32';
import { codeAt, counterAt, type Algorithm, type OtpParams } from '../../../src/core/otp';
import { bytesToHex, hexToBytes, loadJson } from '../fixtures';

interface Seed {
  ascii: string;
  hex: string;
  base32: string;
  lengthBytes: number;
}
interface Rfc4226 {
  secret: Seed;
  digits: number;
  vectors: { counter: number; truncatedDecimal: number; hotp: string }[];
}
interface Rfc6238 {
  digits: number;
  periodSeconds: number;
  seeds: Record<Algorithm, Seed>;
  vectors: { unixTime: number; counter: number; algorithm: Algorithm; totp: string }[];
}

const rfc4226 = loadJson<Rfc4226>('vectors/rfc4226.json');
const rfc6238 = loadJson<Rfc6238>('vectors/rfc6238.json');

describe('RFC 4226 Appendix D (HOTP)', () => {
  it('has the ten published vectors', () => {
    expect(rfc4226.vectors).toHaveLength(10);
  });

  it('the base32 form of the seed decodes to the ASCII seed', () => {
    expect(bytesToHex(decodeBase32(rfc4226.secret.base32))).toBe(rfc4226.secret.hex);
    expect(encodeBase32(hexToBytes(rfc4226.secret.hex))).toBe(rfc4226.secret.base32);
  });

  it.each(rfc4226.vectors)('counter $counter → $hotp', ({ counter, hotp }) => {
    const params: OtpParams = {
      type: 'hotp',
      secret: hexToBytes(rfc4226.secret.hex),
      algorithm: 'SHA1',
      digits: rfc4226.digits,
      period: 30,
      counter,
    };
    expect(codeAt(params, 0)).toBe(hotp);
    // HOTP ignores the clock entirely.
    expect(codeAt(params, 1_700_000_000_000)).toBe(hotp);
  });
});

describe('RFC 6238 Appendix B (TOTP, with the errata 2866 seeds)', () => {
  it('has the eighteen published vectors, six per algorithm', () => {
    expect(rfc6238.vectors).toHaveLength(18);
  });

  it.each(rfc6238.vectors)('$algorithm at $unixTime → $totp', ({ unixTime, counter, algorithm, totp }) => {
    const seed = rfc6238.seeds[algorithm];
    const params: OtpParams = {
      type: 'totp',
      secret: decodeBase32(seed.base32),
      algorithm,
      digits: rfc6238.digits,
      period: rfc6238.periodSeconds,
      counter: 0,
    };
    expect(bytesToHex(params.secret)).toBe(seed.hex);
    expect(counterAt(params, unixTime * 1000)).toBe(counter);
    expect(codeAt(params, unixTime * 1000)).toBe(totp);
  });
});
