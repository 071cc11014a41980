/**
 * The "ambiguous" cases of otpauth-uris.json (public implementations disagree): one decision each,
 * named by case id. The first test pins the list so a new ambiguous case cannot go undecided.
 */
import { describe, expect, it } from 'vitest';
import { parseOtpauthUri } from '../../../src/core/otpauth-uri';
import { caseById, casesWith, checkCodes, coreErrorOf, expectAccount } from './uri-cases';

const decided = [
  'gw-hotp-missing-counter',
  'issuer-label-vs-param-disagree',
  'hectorm-sha3-256',
  'pyotp-duplicate-algorithm',
  'pyotp-encoded-colon-inside-issuer',
  'pyotp-encoded-colon-account-only',
  'pyotp-short-odd-secret-and-image',
  'scito-utf8-label-with-encoded-colon',
  'kpxc-huge-period',
];

const parse = (id: string) => parseOtpauthUri(caseById(id).uri);
const reject = (id: string) => coreErrorOf(() => parseOtpauthUri(caseById(id).uri));

describe('ambiguous otpauth URIs: decisions', () => {
  it('every ambiguous case is decided below', () => {
    expect(
      casesWith('ambiguous')
        .map((c) => c.id)
        .sort(),
    ).toEqual([...decided].sort());
  });

  // gw-hotp-missing-counter: REJECT (wiki: counter is REQUIRED for hotp; hectorm agrees). Guessing 0
  // (pyotp) could show codes the server already consumed or is far behind.
  it('gw-hotp-missing-counter → uri/bad-counter', () => {
    const error = reject('gw-hotp-missing-counter');
    expect([error.code, error.field]).toEqual(['uri/bad-counter', 'counter']);
  });

  // issuer-label-vs-param-disagree: PARSE, the issuer parameter wins (hectorm; what apps show);
  // the label prefix is dropped from the account name.
  it('issuer-label-vs-param-disagree → issuer from the parameter', () => {
    const c = caseById('issuer-label-vs-param-disagree');
    const account = parse(c.id);
    if (c.expectedIfParsed === undefined) throw new Error('fixture lacks expectedIfParsed');
    expectAccount(account, c.expectedIfParsed);
    expect(account.issuer).toBe('ACME Co');
    checkCodes(account, c.codeChecks ?? []);
  });

  // hectorm-sha3-256: REJECT; WebCrypto HMAC has no SHA3 (same for SHA224/384, see otp-extra tests).
  it('hectorm-sha3-256 → uri/bad-algorithm', () => {
    const error = reject('hectorm-sha3-256');
    expect([error.code, error.field]).toEqual(['uri/bad-algorithm', 'algorithm']);
  });

  // pyotp-duplicate-algorithm: REJECT a parameter repeated with DIFFERENT values (first-wins vs
  // last-wins differ between apps, so either choice gives some user wrong codes). Repeats with the
  // same value are accepted: see pyotp-no-label-period-60, a must-parse case.
  it('pyotp-duplicate-algorithm → uri/duplicate-param on algorithm', () => {
    const error = reject('pyotp-duplicate-algorithm');
    expect([error.code, error.field]).toEqual(['uri/duplicate-param', 'algorithm']);
    expect(parse('pyotp-no-label-period-60').algorithm).toBe('SHA1');
  });

  // pyotp-encoded-colon-inside-issuer: PARSE; the issuer parameter "Text: More Text" is a prefix of
  // the decoded label followed by ":", so the label is split right after it.
  it('pyotp-encoded-colon-inside-issuer → issuer "Text: More Text", account "Secret"', () => {
    const account = parse('pyotp-encoded-colon-inside-issuer');
    expect([account.issuer, account.account]).toEqual(['Text: More Text', 'Secret']);
    expect(account.secret).toHaveLength(12); // FFFFFFFAAAAAABBBBBBB: 20 chars, trailing bits ignored
  });

  // pyotp-encoded-colon-account-only: PARSE per the wiki, "%3A" separates like ":" (hectorm too).
  it('pyotp-encoded-colon-account-only → issuer "a", account "b"', () => {
    const account = parse('pyotp-encoded-colon-account-only');
    expect([account.issuer, account.account]).toEqual(['a', 'b']);
  });

  // pyotp-short-odd-secret-and-image: REJECT; "abc" is 3 base32 chars, an impossible length.
  it('pyotp-short-odd-secret-and-image → uri/bad-secret', () => {
    const error = reject('pyotp-short-odd-secret-and-image');
    expect([error.code, error.field]).toEqual(['uri/bad-secret', 'secret']);
  });

  // scito-utf8-label-with-encoded-colon: PARSE per the wiki (%3A separates, %20 after it dropped);
  // UTF-8 decoding keeps "¿äÄéÉ? (demo)" intact.
  it('scito-utf8-label-with-encoded-colon → issuer "encoding", UTF-8 account intact', () => {
    const account = parse('scito-utf8-label-with-encoded-colon');
    expect([account.issuer, account.account]).toEqual(['encoding', '¿äÄéÉ? (demo)']);
  });

  // kpxc-huge-period: REJECT periods above 86400 s (one day, KeePassXC's cap). Clamping would show
  // wrong codes; a period that long is a typo, not a service. 86400 itself is accepted.
  it('kpxc-huge-period → uri/bad-period; 86400 is the largest accepted period', () => {
    const error = reject('kpxc-huge-period');
    expect([error.code, error.field]).toEqual(['uri/bad-period', 'period']);
    const uri = caseById('kpxc-huge-period').uri;
    expect(parseOtpauthUri(uri.replace('period=90000', 'period=86400')).period).toBe(86_400);
    expect(coreErrorOf(() => parseOtpauthUri(uri.replace('period=90000', 'period=86401'))).code).toBe('uri/bad-period');
  });
});
