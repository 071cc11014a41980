/**
 * QRs with no image to read: an HTML <table> or a grid of <div>s (rqrcode's `as_html`, qrcode.js
 * without canvas), and an SVG file shown through a same-origin <object>/<embed> (issue 18).
 *
 * The grid is drawn (grid-png.ts, in the page UI script) from its cells' computed background colours: colours the page itself set in
 * its own DOM, never another site's pixels (a tab capture might show those), so the background
 * treats it like any pixels the page could read and a click adds it at once. Browsers already hide
 * `:visited` colours from getComputedStyle.
 */
/** The n×n cells of a table or div grid (n ≥ 21, a version-1 QR), or null. */
export function gridCells(el: Element): Element[][] | null {
  let rows: Element[][];
  if (el instanceof HTMLTableElement) rows = [...el.rows].map((r) => [...r.cells]);
  else {
    const kids = [...el.children];
    const side = Math.sqrt(kids.length);
    // A flat grid (n² cells, no row elements) or n rows of n cells.
    rows =
      kids[0]?.childElementCount === 0 && side % 1 === 0
        ? Array.from({ length: side }, (_, i) => kids.slice(i * side, (i + 1) * side))
        : kids.map((k) => [...k.children]);
  }
  const n = rows.length;
  return n >= 21 && rows.every((r) => r.length === n) ? rows : null;
}

/** The root <svg> of a same-origin <object>/<embed> document, once it has loaded (up to 3 s). */
export async function embeddedSvg(el: HTMLObjectElement | HTMLEmbedElement): Promise<SVGSVGElement | null> {
  const root = (): SVGSVGElement | null => {
    try {
      // Null for a cross-origin document: its pixels are not the page's to read.
      const doc = el.getSVGDocument?.() ?? (el instanceof HTMLObjectElement ? el.contentDocument : null);
      const svg = doc?.documentElement;
      // Another realm (the embedded document's): compare names, not classes.
      return svg?.localName === 'svg' ? (svg as unknown as SVGSVGElement) : null;
    } catch {
      // Markup the parser refuses is no grid QR.
      return null;
    }
  };
  if (!root())
    await new Promise((loaded) => (el.addEventListener('load', loaded, { once: true }), setTimeout(loaded, 3000)));
  return root();
}
