import { describe, expect, it } from 'vitest';
import { parseManualEntry } from '../../../src/core/otpauth-uri';
import { isCoreError } from '../../../src/core/errors';
import { codeAt } from '../../../src/core/otp';

const base = { issuer: ' Example ', account: 'alice@example.com', secret: 'jbsw y3dp ehpk 3pxp' };

describe('parseManualEntry (a key typed by hand)', () => {
  it('accepts a grouped lower-case key with defaults SHA1/6/30', () => {
    const parsed = parseManualEntry(base);
    expect(parsed).toMatchObject({
      type: 'totp',
      issuer: 'Example',
      account: 'alice@example.com',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    });
    expect(codeAt(parsed, 1257894000_000)).toBe('528064');
  });

  it('takes the advanced fields', () => {
    expect(parseManualEntry({ ...base, type: 'hotp', algorithm: 'sha256', digits: '8', counter: '5' })).toMatchObject({
      type: 'hotp',
      algorithm: 'SHA256',
      digits: 8,
      counter: 5,
    });
    expect(parseManualEntry({ ...base, type: 'steam' })).toMatchObject({ type: 'steam', digits: 5, period: 30 });
  });

  it.each([
    [{ ...base, secret: '' }, 'uri/missing-secret', 'secret'],
    [{ ...base, secret: '1NVALID1' }, 'uri/bad-secret', 'secret'],
    [{ ...base, digits: '9' }, 'uri/bad-digits', 'digits'],
    [{ ...base, period: '0' }, 'uri/bad-period', 'period'],
    [{ ...base, algorithm: 'MD5' }, 'uri/bad-algorithm', 'algorithm'],
    [{ ...base, type: 'hotp', counter: '-1' }, 'uri/bad-counter', 'counter'],
    [{ ...base, type: 'yubikey' }, 'uri/bad-type', 'type'],
  ])('rejects %j with %s on %s', (entry, code, field) => {
    try {
      parseManualEntry(entry);
      expect.unreachable();
    } catch (error) {
      expect(isCoreError(error)).toBe(true);
      expect(error).toMatchObject({ code, field });
    }
  });
});
