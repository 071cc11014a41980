import { describe, expect, it } from 'vitest';
import { isPrivateHost } from '../../../src/core/site';

/** As the background sees them: the hostname WHATWG URL gives for `http://<host>/`. */
const hostOf = (host: string) => new URL(`http://${host}/`).hostname;

describe('isPrivateHost', () => {
  it.each([
    '127.0.0.1',
    '127.1',
    '0x7f.1',
    '2130706433',
    '10.0.0.8',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '100.64.0.1',
    '[::1]',
    '[::]',
    '[fc00::1]',
    '[fd12:3456::1]',
    '[fe80::1]',
    '[febf::1]',
    '[::ffff:127.0.0.1]',
    '[::ffff:192.168.0.1]',
    '[::127.0.0.1]',
    'localhost',
    'LOCALHOST.',
    'app.localhost',
    'printer.local',
    'db.internal',
    'nas.home.arpa',
    'intranet',
    // Home and office names (RFC 6762 Appendix G, RFC 8375, ICANN's .internal; see private-host.ts).
    'fritz.box',
    'FRITZ.BOX.',
    'nas.fritz.box',
    'router.lan',
    'printer.home',
    'wiki.corp',
    'portal.intranet',
    'nas.private',
    'host.localdomain',
    'localhost.localdomain',
    'router.home.arpa',
    'git.internal',
  ])('%s is private', (host) => {
    expect(isPrivateHost(hostOf(host))).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '172.32.0.1',
    '172.15.0.1',
    '192.169.0.1',
    '169.253.0.1',
    '100.128.0.1',
    '11.0.0.1',
    '[2001:db8::1]',
    '[::ffff:8.8.8.8]',
    '[fec0::1]',
    'example.com',
    'victim.test',
    'localhost.example.com',
    'local.example',
    'internal.example.org',
    // Public names that only look like the private ones: `.box` is a public TLD, the rest end elsewhere.
    'example.box',
    'notfritz.box',
    'fritz.box.example.com',
    'lan.example.com',
    'home.example',
    'corp.example.com',
  ])('%s is not private', (host) => {
    expect(isPrivateHost(hostOf(host))).toBe(false);
  });
});
