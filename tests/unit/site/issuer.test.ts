import { describe, expect, it } from 'vitest';
import { issuerNamesSite, siteLabel } from '../../../src/core/site';

describe('issuerNamesSite: does the issuer name the page site (bind the enrolled key there)?', () => {
  it.each([
    ['GitHub', 'https://github.com'],
    ['github', 'https://www.github.com:8443'],
    ['Google', 'https://accounts.google.com'],
    ['Google', 'https://www.google.co.uk'],
    ['Mail Machine', 'https://mailmachine.test'],
    ['Mail Machine', 'https://login.mail-machine.test'],
    ['Data URI', 'http://data-uri.test'],
    // Decided: the first word of a several-word issuer names the site when it is 4+ characters.
    ['Amazon Web Services', 'https://aws.amazon.com'],
    ['Proton AG', 'https://account.proton.me'],
    ['ＧｉｔＨｕｂ', 'https://github.com'],
    ['Zürich Bank', 'https://zurichbank.ch'],
    ['Alice', 'https://alice.github.io'],
  ])('%s names %s', (issuer, origin) => {
    expect(issuerNamesSite(issuer, origin)).toBe(true);
  });

  it.each([
    ['Google', 'https://google-account-verify.com', 'an added word'],
    ['Google', 'https://accounts-google.com', 'an added word before'],
    ['Google', 'https://g-oogle.com', 'a hyphen inside the name'],
    ['Google', 'https://g00gle.com', 'confusable digits'],
    ['PayPal', 'https://paypal-resolution-center.support', 'an added word'],
    ['Coinbase', 'https://coinbase.help-desk.io', 'the name as a subdomain of another site'],
    ['Mail Machine', 'https://evil.test', 'another name'],
    ['My Bank', 'https://my.example', 'a first word under 4 characters'],
    ['Amazon', 'https://amazon.com.evil.io', 'the name as a subdomain'],
    ['', 'https://github.com', 'no issuer'],
    ['---', 'https://github.com', 'no letters'],
    ['GitHub', 'https://127.0.0.1', 'an IP address'],
    ['localhost', 'http://localhost:8080', 'no registrable domain'],
    ['co', 'https://co.uk', 'a bare public suffix'],
    ['GitHub', 'file:///github.com', 'not http(s)'],
    ['GitHub', 'not a url', 'unparsable'],
    ['Münchner Bank', 'https://xn--mnchner-bank-7ob.de', 'IDN labels are punycode, never ASCII words'],
    ['Data URI Co', 'http://data-uri.test', 'a trailing word the site does not have'],
  ])('%s does not name %s (%s)', (issuer, origin) => {
    expect(issuerNamesSite(issuer, origin)).toBe(false);
  });

  it('documented limit: a site spelled like the first word (4+ characters) or on another TLD passes', () => {
    expect(issuerNamesSite('Mail Machine', 'https://mail.test')).toBe(true);
    expect(issuerNamesSite('Google', 'https://google.example')).toBe(true);
  });

  it.each([
    ['https://aws.amazon.com', 'amazon'],
    ['https://foo.co.uk', 'foo'],
    ['https://alice.github.io', 'alice'],
    ['http://127.0.0.1:80', null],
    ['http://localhost', null],
    ['https://example.com.', 'example'],
  ])('siteLabel(%s) = %s', (origin, label) => {
    expect(siteLabel(origin)).toBe(label);
  });
});
