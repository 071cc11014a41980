/**
 * Where the "Add to Authenticator" label goes (issue 17): never over the QR's three finder patterns
 * (a phone needs them to scan) and, where the page leaves room, never over the page's text.
 *
 * Finder patterns sit in the QR's top-left, top-right and bottom-left corners, 7 modules plus a
 * 1-module separator from the symbol's edge, inside a quiet zone of up to 4 modules: at most 12/29
 * (≈ 0.41) of the element's side for the smallest QR (version 1, 21 modules). The element's
 * bottom-right part from SAFE onwards holds no finder pattern for any version, so our clickable zone
 * over the QR is that part, and the label sits outside the QR: below it or to its right, starting no
 * further left than the zone (the host is one rectangle around both, which must not reach a corner).
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export const SAFE = 0.42;
const GAP = 8;

const right = (b: Box) => b.left + b.width;
const bottom = (b: Box) => b.top + b.height;

/** The part of the QR `q` that holds no finder pattern. */
export const zoneOf = (q: Box): Box => ({
  left: q.left + q.width * SAFE,
  top: q.top + q.height * SAFE,
  width: q.width * (1 - SAFE),
  height: q.height * (1 - SAFE),
});

/**
 * Where a label `w`×`h` (`narrowH`: its height when as wide as the zone) can go: below the QR as wide
 * as the zone, then to its right as tall as the zone, then (last resort) inside the zone. Each is
 * flush with the zone, so the host around both has no empty part over the page. `least`: the label's
 * narrowest width (its longest word, "Authenticator", with our mark and padding): below a QR whose
 * zone is narrower, the label is that wide, reaching past the QR's right edge, rather than cut off.
 */
export function spots(q: Box, w: number, h: number, narrowH = h, least = 0): Box[] {
  const zone = zoneOf(q);
  return [
    { left: zone.left, top: bottom(q) + GAP, width: Math.max(zone.width, least), height: narrowH },
    { left: right(q) + GAP, top: zone.top, width: Math.max(w, least), height: Math.max(h, zone.height) },
    {
      left: Math.max(zone.left, right(q) - w - 4),
      top: Math.max(zone.top, bottom(q) - h - 4),
      width: Math.max(Math.min(w, zone.width - 4), least),
      height: h,
    },
  ];
}

function overlap(a: Box, b: Box): number {
  const x = Math.min(right(a), right(b)) - Math.max(a.left, b.left);
  const y = Math.min(bottom(a), bottom(b)) - Math.max(a.top, b.top);
  return x > 0 && y > 0 ? x * y : 0;
}

/** The spot that covers the least of `obstacles` (the page's text and controls) and stays in `viewWidth`; the first on ties. */
export function choose(q: Box, w: number, h: number, obstacles: Box[], viewWidth: number, narrowH = h, least = 0): Box {
  let best: Box | undefined;
  let bestCost = Infinity;
  for (const spot of spots(q, w, h, narrowH, least)) {
    const outside = Math.max(0, right(spot) - viewWidth) * spot.height;
    const cost = obstacles.reduce((sum, o) => sum + overlap(spot, o), 0) + outside;
    if (cost < bestCost - 1) [best, bestCost] = [spot, cost];
  }
  return best!;
}

/** The host's rectangle: the zone over the QR and the label. */
export function hostBox(q: Box, label: Box): Box {
  const zone = zoneOf(q);
  const left = Math.min(zone.left, label.left);
  const top = Math.min(zone.top, label.top);
  return {
    left,
    top,
    width: Math.max(right(zone), right(label)) - left,
    height: Math.max(bottom(zone), bottom(label)) - top,
  };
}
