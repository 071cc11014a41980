import { describe, expect, it } from 'vitest';
import { issuerRelatesToHost } from '../../../src/core/site';

describe('issuerRelatesToHost (a nudge for "Always use this account on this site")', () => {
  it.each([
    ['GitHub', 'github.com'],
    ['Mail Machine', 'mailmachine.test'],
    ['Amazon Web Services', 'signin.aws.amazon.com'],
    ['Google', 'accounts.google.com'],
    ['Proton', 'account.proton.me'],
    ['dropbox', 'www.dropbox.com:8443'],
  ])('%s ↔ %s: related', (issuer, host) => {
    expect(issuerRelatesToHost(issuer, host)).toBe(true);
  });

  it.each([
    ['Google', 'g00gle-login.com'],
    ['Mail Machine', 'mai1machine.test'],
    ['Imported', 'freshsite.test'],
    ['', 'github.com'],
    ['Co', 'co.uk'],
    ['Test', 'login.example.test'],
    ['Microsoft', 'com'],
  ])('%s ↔ %s: not related', (issuer, host) => {
    expect(issuerRelatesToHost(issuer, host)).toBe(false);
  });
});
