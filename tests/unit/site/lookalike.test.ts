/**
 * The lookalike warning (src/core/site/lookalike.ts): real-world-looking phishing hosts against the
 * user's accounts, and the hosts that must stay quiet (the account's own site and its subdomains,
 * unrelated sites, distinct real brands two edits apart).
 */
import { describe, expect, it } from 'vitest';
import { lookalikeOf, type KnownNames } from '../../../src/core/site/lookalike';
import { skeleton, withinOneEdit } from '../../../src/core/site/skeleton';

const sites = (...list: string[]): KnownNames => ({ sites: list.map((s) => `https://${s}`), issuers: [] });
const issuers = (...list: string[]): KnownNames => ({ sites: [], issuers: list });

describe("lookalike of an account's site", () => {
  it.each([
    // [page, account sites, the page's site, looks like, why]
    ['https://mai1machine.test', ['mailmachine.test'], 'mai1machine.test', 'mailmachine.test', 'confusable'],
    ['https://rnailmachine.test', ['mailmachine.test'], 'rnailmachine.test', 'mailmachine.test', 'confusable'],
    [
      'https://mailmachine-login.test',
      ['mailmachine.test'],
      'mailmachine-login.test',
      'mailmachine.test',
      'added-word',
    ],
    [
      'https://secure-mailmachine.test:8443',
      ['mailmachine.test'],
      'secure-mailmachine.test',
      'mailmachine.test',
      'added-word',
    ],
    [
      'https://mailmachine.verify-account.test',
      ['mailmachine.test'],
      'verify-account.test',
      'mailmachine.test',
      'added-word',
    ],
    [
      'https://securemailmachine.test',
      ['mailmachine.test'],
      'securemailmachine.test',
      'mailmachine.test',
      'added-word',
    ],
    ['https://mailmachine.com', ['mailmachine.test'], 'mailmachine.com', 'mailmachine.test', 'other-tld'],
    ['https://www.mailmachine.co.uk', ['mailmachine.test'], 'mailmachine.co.uk', 'mailmachine.test', 'other-tld'],
    ['https://mailmachine.github.io', ['mailmachine.test'], 'mailmachine.github.io', 'mailmachine.test', 'other-tld'],
    ['https://mail-machine.test', ['mailmachine.test'], 'mail-machine.test', 'mailmachine.test', 'confusable'],
    ['https://mailmahcine.test', ['mailmachine.test'], 'mailmahcine.test', 'mailmachine.test', 'typo'],
    ['https://mailmachne.test', ['mailmachine.test'], 'mailmachne.test', 'mailmachine.test', 'typo'],
    ['https://g00gle.com', ['google.com'], 'g00gle.com', 'google.com', 'confusable'],
    ['https://xn--pypal-4ve.com', ['paypal.com'], 'xn--pypal-4ve.com', 'paypal.com', 'confusable'], // Cyrillic а
    ['https://xn--80ak6aa92e.com', ['apple.com'], 'xn--80ak6aa92e.com', 'apple.com', 'confusable'], // аррӏе, all Cyrillic
    ['https://rnicrosoft.com', ['microsoft.com'], 'rnicrosoft.com', 'microsoft.com', 'confusable'],
    ['https://vvikipedia.org', ['wikipedia.org'], 'vvikipedia.org', 'wikipedia.org', 'confusable'],
    ['https://paypa1.com', ['paypal.com'], 'paypa1.com', 'paypal.com', 'confusable'],
    ['https://pàypal.com', ['paypal.com'], 'xn--pypal-rqa.com', 'paypal.com', 'confusable'], // an accent (punycode in the URL)
    [
      'https://paypal-resolution-center.support',
      ['paypal.com'],
      'paypal-resolution-center.support',
      'paypal.com',
      'added-word',
    ],
    ['https://coinbase.help-desk.io', ['coinbase.com'], 'help-desk.io', 'coinbase.com', 'added-word'],
    ['https://google-account-verify.com', ['google.com'], 'google-account-verify.com', 'google.com', 'added-word'],
    ['https://google.com.evil.io', ['google.com'], 'evil.io', 'google.com', 'added-word'],
    ['https://gooogle.com', ['google.com'], 'gooogle.com', 'google.com', 'typo'],
    ['https://login.gooogle-secure.com', ['google.com'], 'gooogle-secure.com', 'google.com', 'typo'],
    ['https://aws-console.net', ['aws.test'], 'aws-console.net', 'aws.test', 'added-word'],
  ] as const)('%s, with an account on %s: its site %s looks like %s (%s)', (page, accountSites, site, like, reason) => {
    expect(lookalikeOf(page, sites(...accountSites))).toEqual({ site, like, kind: 'site', reason });
  });

  it("names the page's registrable domain, not its host, and the first account site it imitates", () => {
    expect(lookalikeOf('https://www.mailmachine.co.uk', sites('other.test', 'mailmachine.test'))).toEqual({
      site: 'mailmachine.co.uk',
      like: 'mailmachine.test',
      kind: 'site',
      reason: 'other-tld',
    });
    expect(lookalikeOf('https://login.mai1machine.test:444/x?y', sites('mailmachine.test'))?.site).toBe(
      'mai1machine.test',
    );
  });

  it.each([
    ["the account's own site", 'https://mailmachine.test', ['mailmachine.test']],
    ['a subdomain of it', 'https://accounts.google.com', ['google.com']],
    ['another port and scheme of it', 'http://mailmachine.test:8080', ['mailmachine.test']],
    [
      "a page whose site is one of the accounts' sites, even if it looks like another",
      'https://g00gle.com',
      ['google.com', 'g00gle.com'],
    ],
    ['an unrelated site', 'https://example.org', ['mailmachine.test', 'google.com']],
    ['distinct real brands two edits apart', 'https://gitlab.com', ['github.com']],
    ['a short name inside a longer word', 'https://booking.com', ['ing.com']],
    ['a short name one edit away', 'https://gmail.com', ['mail.ru']],
    ['an IP address', 'https://127.0.0.1', ['127.0.0.2']],
    ['localhost', 'http://localhost:3000', ['mailmachine.test']],
    ['no account sites', 'https://g00gle.com', []],
    ['not a web origin', 'chrome-extension://abc/popup.html', ['abc.com']],
    ['garbage', 'null', ['google.com']],
  ] as const)('no warning: %s', (_why, page, accountSites) => {
    expect(lookalikeOf(page, sites(...accountSites))).toBeNull();
  });
});

describe("lookalike of an unbound account's issuer (its brand)", () => {
  it.each([
    ['https://google-account-verify.com', ['Google'], 'added-word'],
    ['https://paypal-resolution-center.support', ['PayPal'], 'added-word'],
    ['https://coinbase.help-desk.io', ['Coinbase'], 'added-word'],
    ['https://mai1machine.test', ['Mail Machine'], 'confusable'],
    ['https://mailmachine-login.test', ['Mail Machine'], 'added-word'],
    ['https://g00gle.com', ['Google'], 'confusable'],
    ['https://xn--pypal-4ve.com', ['PayPal'], 'confusable'],
    ['https://rnicrosoft.com', ['Microsoft'], 'confusable'],
    ['https://gogle.com', ['Google'], 'typo'],
    ['https://githbu.com', ['github.com'], 'typo'], // an issuer written as a domain
    ['https://aws-login.net', ['AWS'], 'added-word'],
    // Hyphens the issuer does not have: not the brand's own label.
    ['https://pay-pal.com', ['PayPal'], 'confusable'],
    ['https://p-a-y-p-a-l.com', ['PayPal'], 'confusable'],
    ['https://pay-pal.support', ['PayPal'], 'confusable'],
    ['https://coca-co-la.com', ['Coca-Cola'], 'confusable'],
    // The brand's label under a private suffix (free hosting): anyone may have it.
    ['https://paypal.github.io', ['PayPal'], 'other-tld'],
    ['https://paypal.pages.dev', ['PayPal'], 'other-tld'],
    ['https://paypal.netlify.app', ['PayPal'], 'other-tld'],
    ['https://paypal.blogspot.com', ['PayPal'], 'other-tld'],
    ['https://login.mail-machine.github.io', ['Mail Machine'], 'other-tld'],
  ] as const)('%s imitates %s', (page, brands, reason) => {
    expect(lookalikeOf(page, issuers(...brands))).toMatchObject({ like: brands[0], kind: 'issuer', reason });
  });

  it.each([
    ["the brand's label exactly", 'https://accounts.google.com', ['Google']],
    ["the brand's label on another TLD (its own domains are unknown)", 'https://google.de', ['Google']],
    ["the brand's label on its own site", 'https://paypal.com', ['PayPal']],
    ["the brand's label on a country TLD", 'https://www.paypal.de', ['PayPal']],
    ["the brand's label under a two-part public suffix", 'https://google.co.uk', ['Google']],
    ['an issuer written as a domain, on that domain', 'https://github.com', ['github.com']],
    ["the issuer's words joined with nothing", 'https://mailmachine.test', ['Mail Machine']],
    ["the issuer's words joined with a hyphen", 'https://mail-machine.test', ['Mail Machine']],
    ['a hyphenated brand as written', 'https://coca-cola.com', ['Coca-Cola']],
    ['a hyphenated brand without its hyphen', 'https://cocacola.com', ['Coca-Cola']],
    ['an unrelated site', 'https://freshsite.test', ['Imported', 'Mail Machine']],
    ['a generic issuer', 'https://mail-login.test', ['Mail', 'Login', '']],
    ['a short brand inside a word', 'https://laws.com', ['AWS']],
    ['an issuer of non-Latin letters only', 'https://example.com', ['Яндекс']],
    ['distinct brands two edits apart', 'https://gitlab.com', ['GitHub']],
  ] as const)('no warning: %s', (_why, page, brands) => {
    expect(lookalikeOf(page, issuers(...brands))).toBeNull();
  });

  it('a bound site wins over a brand, and a bound site never warns because of a brand', () => {
    expect(
      lookalikeOf('https://mailmachine.com', { sites: ['https://mailmachine.test'], issuers: ['Mail Machine'] }),
    ).toMatchObject({ kind: 'site', like: 'mailmachine.test', reason: 'other-tld' });
    expect(lookalikeOf('https://g00gle.com', { sites: ['https://g00gle.com'], issuers: ['Google'] })).toBeNull();
  });
});

describe('skeleton and one-edit distance', () => {
  it.each([
    ['xn--pypal-4ve', 'paypal'],
    ['PayPal', 'paypal'],
    ['rnicrosoft', 'microsoft'],
    ['mai1machine', 'mailmachine'],
    ['MAIL-MACHINE', 'mailmachine'],
    ['g00gle', 'google'],
    ['ｇｏｏｇｌｅ', 'google'],
    ['vvikipedia', 'wikipedia'],
    ['xn--malmachine-yub', 'mailmachine'], // dotless ı
    ['xn--milmachine-zqi', 'mailmachine'], // Cyrillic а
  ])('%s reads like %s', (a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
  });

  it.each([
    ['github', 'gitlab'],
    ['mailmachine', 'freshsite'],
    ['paypal', 'paypa'.concat('xx')],
  ])('%s does not read like %s', (a, b) => {
    expect(skeleton(a)).not.toBe(skeleton(b));
  });

  it.each([
    ['google', 'google', true],
    ['google', 'gogle', true],
    ['google', 'gooogle', true],
    ['google', 'goolge', true],
    ['google', 'goggle', true],
    ['google', 'gogel', false],
    ['github', 'gitlab', false],
    ['abc', 'abcde', false],
    ['', 'a', true],
  ] as const)('%s ↔ %s within one edit: %s', (a, b, within) => {
    expect(withinOneEdit(a, b)).toBe(within);
    expect(withinOneEdit(b, a)).toBe(within);
  });
});

describe('an issuer written as a domain', () => {
  it('is quiet on that very site, even under a private suffix (a self-hosted "mycloud.duckdns.org")', () => {
    expect(lookalikeOf('https://mycloud.duckdns.org', { sites: [], issuers: ['mycloud.duckdns.org'] })).toBeNull();
    // Control: the same label under the private suffix, another site, still warns.
    expect(lookalikeOf('https://mycloud.ddns.net', { sites: [], issuers: ['mycloud.duckdns.org'] })).not.toBeNull();
  });
});
