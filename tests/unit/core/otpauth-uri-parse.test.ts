import { describe, expect, it } from 'vitest';
import type { ErrorCode, Field } from '../../../src/core/errors';
import { parseOtpauthUri } from '../../../src/core/otpauth-uri';
import { casesWith, checkCodes, coreErrorOf, expectAccount, uriFixture } from './uri-cases';

describe('otpauth-uris.json', () => {
  it('has the advertised numbers of cases', () => {
    const { counts } = uriFixture;
    expect(uriFixture.cases).toHaveLength(counts.cases);
    expect(casesWith('parse')).toHaveLength(counts.parse);
    expect(casesWith('reject')).toHaveLength(counts.reject);
    expect(casesWith('ambiguous')).toHaveLength(counts.ambiguous);
  });

  describe('must parse', () => {
    it.each(casesWith('parse'))('$id', (c) => {
      if (c.expected === undefined) throw new Error(`${c.id} has no expected fields`);
      const account = parseOtpauthUri(c.uri);
      expectAccount(account, c.expected);
      checkCodes(account, c.codeChecks ?? []);
    });

    // kpxc-steam-encoder-issuer-disagrees: the fixture does not assert the issuer. Our rule is
    // "the issuer parameter wins over the label prefix", so it is Valve, and the label's "test:"
    // prefix is kept out of the account name.
    it('kpxc-steam-encoder-issuer-disagrees: the issuer parameter wins', () => {
      const c = casesWith('parse').find((x) => x.id === 'kpxc-steam-encoder-issuer-disagrees');
      expect(parseOtpauthUri(c?.uri ?? '').issuer).toBe('Valve');
    });
  });

  describe('must reject, with a code and a field', () => {
    const expected: Record<string, [ErrorCode, Field]> = {
      'gw-missing-secret': ['uri/missing-secret', 'secret'],
      'pyotp-not-otpauth': ['uri/not-otpauth', 'scheme'],
      'pyotp-no-secret': ['uri/missing-secret', 'secret'],
      'pyotp-unknown-type': ['uri/bad-type', 'type'],
      // Lacks a secret too; parameters are validated before the secret, so digits is reported.
      'pyotp-negative-digits': ['uri/bad-digits', 'digits'],
      // The issuer mismatch is not an error for us (the parameter wins); the missing secret is.
      'pyotp-issuer-mismatch-no-secret': ['uri/missing-secret', 'secret'],
      'pyotp-bad-algorithm': ['uri/bad-algorithm', 'algorithm'],
      'aegis-empty-secret': ['uri/missing-secret', 'secret'],
      'proton-wrong-scheme': ['uri/not-otpauth', 'scheme'],
      'proton-no-slashes': ['uri/malformed', 'scheme'],
      'proton-invalid-base32-char': ['uri/bad-secret', 'secret'],
      'c-digits-zero': ['uri/bad-digits', 'digits'],
      'c-period-zero': ['uri/bad-period', 'period'],
      'c-md5': ['uri/bad-algorithm', 'algorithm'],
      'c-hotp-not-a-number-counter': ['uri/bad-counter', 'counter'],
    };

    it('the table covers exactly the reject cases', () => {
      expect(Object.keys(expected).sort()).toEqual(
        casesWith('reject')
          .map((c) => c.id)
          .sort(),
      );
    });

    it.each(casesWith('reject'))('$id', (c) => {
      const error = coreErrorOf(() => parseOtpauthUri(c.uri));
      expect([error.code, error.field]).toEqual(expected[c.id]);
    });
  });
});
