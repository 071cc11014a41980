import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchAccounts, originMatches, sameOrigin, siteOf } from '../../../src/core/site';

describe('siteOf', () => {
  it.each([
    ['https://accounts.example.com', 'example.com'],
    ['https://EXAMPLE.com.', 'example.com'],
    ['https://a.b.example.co.uk:8443/path?q', 'example.co.uk'],
    ['https://mailmachine.test', 'mailmachine.test'],
    ['https://login.mailmachine.test', 'mailmachine.test'],
    ['http://localhost:8080', 'localhost'],
    ['https://127.0.0.1:8443', '127.0.0.1'],
    ['http://0x7f.1', '127.0.0.1'],
    ['https://[::1]:3000', '[::1]'],
    ['https://alice.github.io', 'alice.github.io'],
    ['https://github.io', 'github.io'],
    ['https://co.uk', 'co.uk'],
    ['https://münchen.de', 'xn--mnchen-3ya.de'],
    ['https://example.com@evil.com', 'evil.com'],
    ['example.com', 'example.com'],
    ['intranet', 'intranet'],
    ['null', null],
    ['', null],
    ['file:///etc/passwd', null],
    ['chrome-extension://abcdef/popup.html', null],
    ['data:text/html,hi', null],
    ['https://', null],
  ])('%s → %s', (origin, site) => {
    expect(siteOf(origin)).toBe(site);
  });
});

// [account site, frame origin, matches?, why]
const rows: [string, string, boolean, string][] = [
  ['https://accounts.example.com', 'https://accounts.example.com', true, 'identical origin'],
  ['https://accounts.example.com', 'https://login.example.com', true, 'sibling subdomain'],
  ['https://accounts.example.com', 'https://example.com', true, 'apex'],
  ['https://example.com', 'https://a.b.c.example.com', true, 'deep subdomain'],
  ['https://accounts.example.com', 'https://login.example.com:8443', true, 'ports ignored'],
  ['https://mailmachine.test', 'https://mailmachine.test:8443', true, '*.test with a port'],
  ['https://mailmachine.test', 'https://login.mailmachine.test', true, '*.test subdomain'],
  ['http://localhost:8080', 'http://localhost:3000', true, 'localhost, ports ignored'],
  ['http://127.0.0.1:8080', 'http://127.0.0.1', true, 'same IP'],
  ['https://EXAMPLE.com', 'https://example.com.', true, 'case and trailing dot'],
  ['https://münchen.de', 'https://xn--mnchen-3ya.de', true, 'IDN equals its punycode'],
  ['example.com', 'https://www.example.com', true, 'bare stored host means https'],
  ['http://router.example', 'http://router.example', true, 'http enrolment, http frame'],
  ['https://accounts.example.com', 'http://accounts.example.com', false, 'https enrolment never fills http'],
  ['http://accounts.example.com', 'https://accounts.example.com', false, 'scheme must be the same'],
  ['https://mailmachine.test', 'https://mai1machine.test', false, 'digit-for-letter lookalike'],
  ['https://mailmachine.test', 'https://mailmachine.test.evil.com', false, 'site as a subdomain of evil'],
  ['https://mailmachine.test', 'https://mailmachine-test.com', false, 'dash lookalike'],
  ['https://mailmachine.test', 'https://evil.test', false, 'other name under the same TLD'],
  ['https://mailmachine.test', 'https://mailmachine.tests', false, 'other TLD'],
  ['https://apple.com', 'https://xn--pple-43d.com', false, 'Cyrillic а homograph (punycode)'],
  ['https://apple.com', 'https://аpple.com', false, 'Cyrillic а homograph (unicode)'],
  ['https://paypal.com', 'https://xn--pypal-4ve.com', false, 'Cyrillic а in paypal'],
  ['https://example.co.uk', 'https://other.co.uk', false, 'public suffix co.uk'],
  ['https://example.co.uk', 'https://co.uk', false, 'bare public suffix'],
  ['https://alice.github.io', 'https://mallory.github.io', false, 'private PSL section'],
  ['https://127.0.0.1', 'https://localhost', false, 'IP vs name'],
  ['https://localhost', 'https://127.0.0.1', false, 'name vs IP'],
  ['https://192.168.0.1', 'https://192.168.0.2', false, 'different IP'],
  ['https://[::1]', 'https://127.0.0.1', false, 'IPv6 vs IPv4'],
  ['https://example.com', 'https://example.com@evil.com', false, 'userinfo trick'],
  ['https://example.com', 'https://example.com.evil.com', false, 'suffix trick'],
  ['https://example.com', 'https://notexample.com', false, 'prefix trick'],
  ['https://example.com', 'null', false, 'opaque origin'],
  ['https://example.com', 'file:///example.com', false, 'file scheme'],
  ['https://example.com', 'chrome-extension://example.com', false, 'extension scheme'],
  ['not a url ::', 'https://example.com', false, 'garbage stored site'],
  ['', 'https://example.com', false, 'empty stored site'],
  ['https://intranet', 'https://intranet.example.com', false, 'single label vs name'],
];

describe('originMatches', () => {
  it.each(rows)('%s vs %s → %s (%s)', (account, frame, expected) => {
    expect(originMatches(account, frame)).toBe(expected);
  });
});

describe('matchAccounts', () => {
  const accounts = [
    { id: 'a', sites: ['https://accounts.example.com'] },
    { id: 'b', sites: ['https://other.co.uk', 'https://example.com'] },
    { id: 'c', sites: [] },
    { id: 'd', sites: ['http://example.com'] },
  ];
  it('returns the ids of matching accounts in order', () => {
    expect(matchAccounts(accounts, 'https://login.example.com')).toEqual(['a', 'b']);
    expect(matchAccounts(accounts, 'http://example.com')).toEqual(['d']);
    expect(matchAccounts(accounts, 'https://evil.com')).toEqual([]);
  });

  it('an account narrowed to its exact origin matches only that origin, not other subdomains or ports', () => {
    const narrowed = [{ id: 'n', sites: ['https://login.example.com'], fill: { exactOrigin: true } }, ...accounts];
    expect(matchAccounts(narrowed, 'https://login.example.com')).toEqual(['n', 'a', 'b']);
    expect(matchAccounts(narrowed, 'https://login.example.com:443')).toEqual(['n', 'a', 'b']);
    expect(matchAccounts(narrowed, 'https://user1.example.com')).toEqual(['a', 'b']);
    expect(matchAccounts(narrowed, 'https://example.com')).toEqual(['a', 'b']);
    expect(matchAccounts(narrowed, 'https://login.example.com:8443')).toEqual(['a', 'b']);
    expect(matchAccounts(narrowed, 'http://login.example.com')).toEqual(['d']);
  });
});

describe('sameOrigin', () => {
  it.each([
    ['https://login.example.com', 'https://login.example.com', true],
    ['login.example.com', 'https://login.example.com', true],
    ['https://LOGIN.example.com:443', 'https://login.example.com', true],
    ['https://login.example.com', 'https://user1.example.com', false],
    ['https://login.example.com', 'https://login.example.com:8443', false],
    ['http://login.example.com', 'https://login.example.com', false],
    ['https://example.com', 'https://www.example.com', false],
    ['not a url', 'not a url', false],
    ['chrome-extension://abc', 'chrome-extension://abc', false],
  ])('%s vs %s → %s', (account, frame, expected) => {
    expect(sameOrigin(account, frame)).toBe(expected);
  });
});

describe('properties', () => {
  const label = fc.stringMatching(/^[a-z][a-z0-9]{1,10}$/);
  const sub = fc.stringMatching(/^[a-z]{1,8}$/);
  const tld = fc.constantFrom('com', 'test', 'co.uk', 'de', 'io');

  it('a changed label of the registrable domain never matches', () => {
    fc.assert(
      fc.property(label, label, sub, sub, tld, (a, b, s1, s2, t) => {
        fc.pre(a !== b);
        expect(originMatches(`https://${s1}.${a}.${t}`, `https://${s2}.${b}.${t}`)).toBe(false);
      }),
    );
  });

  it('any subdomain of the registrable domain matches', () => {
    fc.assert(
      fc.property(label, sub, sub, tld, (a, s1, s2, t) => {
        fc.pre(siteOf(`x.${a}.${t}`) === `${a}.${t}`); // e.g. github.io and ltd.co.uk are suffixes themselves
        expect(originMatches(`https://${s1}.${a}.${t}`, `https://${s2}.${a}.${t}:8443`)).toBe(true);
      }),
    );
  });

  it('the account site embedded as a subdomain of another site never matches', () => {
    fc.assert(
      fc.property(label, label, tld, (a, b, t) => {
        fc.pre(a !== b);
        expect(originMatches(`https://${a}.${t}`, `https://${a}.${t}.${b}.com`)).toBe(false);
      }),
    );
  });

  it('one character replaced anywhere in the domain label never matches', () => {
    fc.assert(
      fc.property(label, fc.nat(), fc.constantFrom('1', '0', 'l', 'o', 'x', 'а', 'е', 'о'), tld, (a, i, ch, t) => {
        const at = i % a.length;
        const b = a.slice(0, at) + ch + a.slice(at + 1);
        fc.pre(a !== b);
        expect(originMatches(`https://${a}.${t}`, `https://${b}.${t}`)).toBe(false);
      }),
    );
  });
});
