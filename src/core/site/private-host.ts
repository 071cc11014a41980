/**
 * Whether a URL host (as WHATWG URL serialises `hostname`: lower case, IPv4 shorthands expanded,
 * IPv6 in brackets and compressed) is a private, loopback or link-local address, or a name that only
 * means something on the user's machine or network. The background fetches QR images a page names;
 * it must not become a way for a public page to read the user's router, a local dev server or an
 * intranet (see background/enroll/image-fetch.ts). Names are not resolved: a public name that
 * resolves to a private address is not caught here.
 *
 * Private: IPv4 0.0.0.0/8, 10/8, 127/8, 169.254/16, 172.16/12, 192.168/16, 100.64/10 (carrier-grade
 * NAT); IPv6 ::, ::1, fc00::/7, fe80::/10, and IPv4-mapped forms of the above; single-label names
 * (intranet), and the names in PRIVATE_NAMES.
 */
/**
 * Names (and every name under them) that mean something only on a local machine or network:
 * - `localhost` (RFC 6761 §6.3), `local` (mDNS, RFC 6762), `home.arpa` (home networks, RFC 8375);
 * - `internal`: reserved by ICANN for private use (Board resolution 2024.07.29.06);
 * - `intranet`, `private`, `corp`, `home`, `lan`: the private top-level names RFC 6762 Appendix G
 *   found in use and advises against; none is delegated (ICANN stopped `.corp` and `.home` for name
 *   collisions, Board resolution 2018.02.04.12), so a public page cannot own one;
 * - `localdomain`: what Linux distributions and routers put in /etc/hosts and DHCP
 *   (`localhost.localdomain`);
 * - `fritz.box`: AVM's FRITZ!Box routers answer it on the home network (its web UI and devices).
 *   Only that name: `.box` is a delegated public TLD since 2023.
 */
const PRIVATE_NAMES =
  /(^|\.)(localhost|local|home\.arpa|internal|intranet|private|corp|home|lan|localdomain|fritz\.box)$/;

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function privateV4(a: number, b: number): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

/** The eight 16-bit groups of an IPv6 literal (without brackets), or null. */
function hextets(ip: string): number[] | null {
  const [head, tail, extra] = ip.split('::');
  if (extra !== undefined) return null;
  const part = (s: string | undefined) => (s ? s.split(':') : []);
  let groups = part(head);
  let rest = part(tail);
  // A trailing dotted IPv4 (::ffff:1.2.3.4) is two groups.
  const dotted = (list: string[]) => {
    const last = list.at(-1);
    const m = last && V4.exec(last);
    if (!m) return list;
    const [a, b, c, d] = m.slice(1).map(Number) as [number, number, number, number];
    return [...list.slice(0, -1), ((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
  };
  if (tail === undefined) groups = dotted(groups);
  else rest = dotted(rest);
  const fill = tail === undefined ? 0 : 8 - groups.length - rest.length;
  if (fill < 0) return null;
  const all = [...groups, ...Array<string>(fill).fill('0'), ...rest];
  if (all.length !== 8 || !all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return all.map((g) => parseInt(g, 16));
}

export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (!host) return true;
  const v4 = V4.exec(host);
  if (v4) return privateV4(Number(v4[1]), Number(v4[2]));
  if (host.startsWith('[') || host.includes(':')) {
    const g = hextets(host.replace(/^\[|\]$/g, ''));
    if (!g) return true; // unparsable: fail closed
    const [g0, , , , , g5, g6, g7] = g as [number, number, number, number, number, number, number, number];
    if (g.slice(0, 7).every((x) => x === 0) && g7 <= 1) return true; // :: and ::1
    if ((g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfe80) return true;
    // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d) forms.
    if (g.slice(0, 5).every((x) => x === 0) && (g5 === 0xffff || g5 === 0)) return privateV4(g6 >> 8, g6 & 0xff);
    return false;
  }
  if (!host.includes('.')) return true;
  return PRIVATE_NAMES.test(host);
}
