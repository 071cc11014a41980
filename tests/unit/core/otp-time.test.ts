import { describe, expect, it } from 'vitest';
import { CoreError, isCoreError } from '../../../src/core/errors';
import { codeAt, counterAt, secondsLeft, type OtpParams } from '../../../src/core/otp';
import { coreErrorOf } from './uri-cases';

const totp: OtpParams = {
  type: 'totp',
  secret: new TextEncoder().encode('12345678901234567890'),
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};

describe('time steps (RFC 6238 §4.2, T0 = 0)', () => {
  it.each([
    [0, 0, 30],
    [999, 0, 30],
    [1_000, 0, 29],
    [29_001, 0, 1],
    [29_999, 0, 1],
    [30_000, 1, 30],
    [59_000, 1, 1],
  ])('at %i ms: counter %i, %i s left', (nowMs, counter, left) => {
    expect(counterAt(totp, nowMs)).toBe(counter);
    expect(secondsLeft(totp, nowMs)).toBe(left);
  });

  it('uses the account period', () => {
    const params = { ...totp, period: 60 };
    expect(counterAt(params, 59_999)).toBe(0);
    expect(counterAt(params, 60_000)).toBe(1);
    expect(secondsLeft(params, 15_000)).toBe(45);
  });

  it('the code changes exactly at the step boundary and not within a step', () => {
    expect(codeAt(totp, 30_000)).toBe(codeAt(totp, 59_999));
    expect(codeAt(totp, 29_999)).not.toBe(codeAt(totp, 30_000));
  });

  it('hotp: the counter is the stored one, and codes do not expire', () => {
    const hotp: OtpParams = { ...totp, type: 'hotp', counter: 7 };
    expect(counterAt(hotp, 123_456)).toBe(7);
    expect(coreErrorOf(() => secondsLeft(hotp, 0)).code).toBe('otp/bad-params');
  });
});

describe('invalid parameters are typed errors, never a wrong code', () => {
  it.each([
    ['empty secret', { secret: new Uint8Array(0) }],
    ['digits 5 on totp', { digits: 5 }],
    ['digits 9', { digits: 9 }],
    ['period 0', { period: 0 }],
    ['period 1.5', { period: 1.5 }],
    ['unknown algorithm', { algorithm: 'MD5' as OtpParams['algorithm'] }],
    ['negative hotp counter', { type: 'hotp' as const, counter: -1 }],
    ['unsafe hotp counter', { type: 'hotp' as const, counter: 2 ** 53 }],
  ])('%s', (_name, change) => {
    expect(coreErrorOf(() => codeAt({ ...totp, ...change }, 0)).code).toBe('otp/bad-params');
  });

  it.each([Number.NaN, -1, Number.POSITIVE_INFINITY])('time %s', (nowMs) => {
    expect(coreErrorOf(() => codeAt(totp, nowMs)).code).toBe('otp/bad-params');
  });
});

describe('isCoreError', () => {
  it('recognizes CoreError and narrows by code', () => {
    const error = new CoreError('uri/bad-digits', 'x', 'digits');
    expect(isCoreError(error)).toBe(true);
    expect(isCoreError(error, 'uri/bad-digits')).toBe(true);
    expect(isCoreError(error, 'uri/bad-period')).toBe(false);
    expect(isCoreError(new Error('x'))).toBe(false);
    expect(isCoreError({ code: 'uri/bad-digits' })).toBe(false);
    expect(error.field).toBe('digits');
    expect('field' in new CoreError('uri/malformed', 'x')).toBe(false);
  });
});
