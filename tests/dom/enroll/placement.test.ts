/** Where the QR label goes (issue 17): never over a finder pattern, for any QR version and quiet zone. */
import { describe, expect, it } from 'vitest';
import { choose, hostBox, spots, zoneOf, type Box } from '../../../src/content/enroll/placement';

const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

/** The three finder patterns of a QR drawn at `side` px with `quiet` modules of margin, separator included. */
function finders(version: number, quiet: number, side: number, at = { left: 100, top: 50 }): Box[] {
  const modules = 17 + 4 * version + 2 * quiet;
  const m = side / modules;
  const size = 8 * m;
  const near = quiet * m;
  const far = (modules - quiet - 8) * m;
  return [
    { left: at.left + near, top: at.top + near, width: size, height: size },
    { left: at.left + far, top: at.top + near, width: size, height: size },
    { left: at.left + near, top: at.top + far, width: size, height: size },
  ];
}

describe('QR label placement', () => {
  const cases = [1, 2, 5, 10, 40].flatMap((version) => [0, 1, 2, 4].map((quiet) => [version, quiet] as const));
  it.each(cases)(
    'version %i, quiet zone %i: neither the clickable zone nor any spot reaches a finder pattern',
    (version, quiet) => {
      const q = { left: 100, top: 50, width: 200, height: 200 };
      for (const [w, h] of [
        [160, 36],
        [200, 60],
        [120, 90],
      ] as const) {
        for (const spot of [...spots(q, w, h), ...spots(q, w, h, h, 150)]) {
          const host = hostBox(q, spot);
          for (const finder of finders(version, quiet, 200))
            expect(overlaps(host, finder), JSON.stringify({ spot, finder })).toBe(false);
        }
      }
    },
  );

  it('goes below the QR when nothing is there, beside it when the page has text below, inside only as the last resort', () => {
    const q = { left: 100, top: 50, width: 200, height: 200 };
    const below = { left: 0, top: 262, width: 600, height: 20 };
    const beside = { left: 320, top: 50, width: 300, height: 300 };
    expect(choose(q, 150, 36, [], 1000).top).toBe(258);
    expect(choose(q, 150, 36, [below], 1000).left).toBe(308);
    const last = choose(q, 100, 36, [below, beside], 1000);
    expect(overlaps(last, zoneOf(q))).toBe(true);
    // Off the right edge of the viewport counts as covered.
    expect(choose(q, 150, 36, [below], 400).left).toBeLessThan(300);
  });

  it("is never narrower than its longest word: below a QR whose zone is narrower, it reaches past the QR's right edge", () => {
    const q = { left: 100, top: 50, width: 200, height: 200 };
    const zone = zoneOf(q); // 116 px wide: narrower than "Authenticator" with our mark and padding
    expect(choose(q, 190, 36, [], 1000).width).toBe(zone.width);
    const spot = choose(q, 190, 56, [], 1000, 56, 150);
    expect(spot).toMatchObject({ left: zone.left, top: 258, width: 150 });
    // The last resort, inside the zone, too.
    const below = { left: 0, top: 262, width: 600, height: 20 };
    const beside = { left: 320, top: 50, width: 300, height: 300 };
    expect(choose(q, 190, 36, [below, beside], 1000, 36, 150).width).toBe(150);
    // Beside a small QR with the page's text below it: at least as wide as its longest word too.
    const small = { left: 100, top: 50, width: 100, height: 100 };
    const text = { left: 0, top: 155, width: 600, height: 40 };
    expect(choose(small, 100, 80, [text], 1200, 120, 150)).toMatchObject({ left: 208, width: 150 });
    for (const spot of spots(small, 100, 80, 120, 150)) expect(spot.width).toBeGreaterThanOrEqual(150);
  });
});
