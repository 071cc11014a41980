import { describe, expect, it } from 'vitest';
import { parseHttpDate, sampleFrom, type ObservedResponse } from '../../../src/core/clock';

const T = Date.UTC(2026, 11, 5, 11, 0, 0);
const DATE = 'Sat, 05 Dec 2026 11:00:00 GMT';

const response = (over: Partial<ObservedResponse> = {}): ObservedResponse => ({
  date: DATE,
  status: 200,
  fromCache: false,
  hasAge: false,
  sentAt: T - 100,
  receivedAt: T + 100,
  source: 'https://a.test',
  ...over,
});

describe('parseHttpDate', () => {
  it.each([
    ['Sun, 06 Nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    [DATE, T],
    ['Sun, 06 Nov 1994 08:49:37 UTC', null],
    ['Sunday, 06-Nov-94 08:49:37 GMT', null], // obsolete RFC 850 form
    ['Sun Nov  6 08:49:37 1994', null], // asctime
    ['Mon, 31 Feb 2026 10:00:00 GMT', null],
    ['Mon, 01 Jan 2026 24:00:00 GMT', null],
    ['Mon, 01 Jan 2026 10:00:61 GMT', null],
    // Date.UTC reads the years 0–99 as 1900–1999: year 0001 is no 1901.
    ['Mon, 01 Jan 0001 00:00:00 GMT', null],
    ['Tue, 01 Jan 1901 00:00:00 GMT', Date.UTC(1901, 0, 1)],
    // The weekday must be the date's (5 Dec 2026 is a Saturday).
    ['Mon, 05 Dec 2026 11:00:00 GMT', null],
    ['', null],
  ])('%s', (text, expected) => {
    expect(parseHttpDate(text)).toBe(expected);
  });
});

describe('sampleFrom', () => {
  it('takes the midpoint of the Date second and of the round trip', () => {
    // Date says 11:00:00 → true server time in [00.000, 01.000): 00.500. Local midpoint: T. Offset +500.
    expect(sampleFrom(response())).toEqual({
      offsetMs: 500,
      uncertaintyMs: 600,
      at: T + 100,
      source: 'https://a.test',
    });
  });

  it('one-second resolution: responses received across one server second all land within ±500 ms of the truth', () => {
    // The server's clock equals ours; it wrote its Date at local time T + f for f in [0, 1000).
    for (let f = 0; f < 1000; f += 50) {
      const sample = sampleFrom(response({ sentAt: T + f, receivedAt: T + f }))!;
      expect(Math.abs(sample.offsetMs)).toBeLessThanOrEqual(500);
      // The naive reading (Date as the exact time) would be off by f, up to a whole second.
    }
  });

  it('unknown round trip: assumes the response was made half a typical round trip before it arrived', () => {
    const { sentAt: _unknown, ...rest } = response({ receivedAt: T + 500 });
    const sample = sampleFrom(rest)!;
    expect(sample.offsetMs).toBe(500); // server T+500 vs local T+500-500 = T
    expect(sample.uncertaintyMs).toBe(1000);
  });

  it.each([
    ['served from the browser cache', { fromCache: true }],
    ["a 304 (the cached entity's headers)", { status: 304 }],
    ['from a shared cache (Age header)', { hasAge: true }],
    ['no Date header', { date: undefined }],
    ['an unparsable Date', { date: 'yesterday' }],
    ['a round trip over 10 s', { sentAt: T - 11_000 }],
  ])('gives no sample when %s', (_name, over) => {
    expect(sampleFrom(response(over as Partial<ObservedResponse>))).toBeNull();
  });

  it('a send time after the arrival (clock stepped in between) counts as unknown, not negative', () => {
    expect(sampleFrom(response({ sentAt: T + 5000 }))?.uncertaintyMs).toBe(1000);
  });
});
