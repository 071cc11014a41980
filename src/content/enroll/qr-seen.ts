/**
 * Whether a click on our transparent zone over a QR landed on the QR the user sees (clickjacking: the
 * zone lets the page show through it). genuine.ts proves our host was visible and hit; over the QR,
 * the zone itself is see-through, so the page can make the QR transparent and paint a decoy ("▶ Play")
 * under it, or lay the decoy above the QR below our host. A click on the zone counts only when, at the
 * click:
 * - the QR is visible with its opacity: `checkVisibility` (opacity 0, visibility, content-visibility
 *   on it or an ancestor), and the product of its own and its ancestors' opacity (`opacity` and a
 *   filter's `opacity()`), up the flat tree through slots and shadow hosts, is at least MIN_OPACITY;
 * - the page's topmost element at the click point (our hosts left out) is the QR or inside it.
 * Otherwise the zone's click does nothing; our label button, which is painted by us and says what it
 * does, still adds.
 */
import { isOurs } from '../top-layer';

/**
 * The least opacity the QR may be painted with for a click on it to add its key. At opacity α the QR
 * makes α of each pixel and what the page painted under it (1 − α): from one half up the QR is at least
 * as visible as any decoy below it, so the user sees a QR where they click. Under it (0.01 is as good
 * as 0 to the eye) the decoy may be all they see. Honest pages show a setup QR opaque; one that fades
 * it in is opaque well before a user has found it and clicked.
 */
export const MIN_OPACITY = 0.5;

/** Up the flat tree: the slot an element is assigned to, its parent, or the host of its shadow root. */
const up = (el: Element): Element | null =>
  el.assignedSlot ?? el.parentElement ?? ((el.getRootNode() as Partial<ShadowRoot>).host || null);

/** `opacity()` in a computed `filter` ("opacity(0.01) blur(2px)"), multiplied; 1 without one. */
function filterOpacity(filter: string): number {
  let product = 1;
  for (const [, value, percent] of filter.matchAll(/\bopacity\(\s*([\d.eE+-]+)(%?)\s*\)/g)) {
    const n = Number(value) / (percent ? 100 : 1);
    product *= Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
  }
  return product;
}

/** A top-layer element (a modal dialog the QR is in): painted apart from its ancestors, whose opacity it escapes. */
function topLayer(el: Element): boolean {
  try {
    return el.matches(':modal, :popover-open, :fullscreen');
  } catch {
    return false; // a browser without these selectors has no top layer
  }
}

/** The opacity `el` is painted with: its own and every ancestor's up to the top layer, multiplied. */
export function paintedOpacity(el: Element): number {
  let product = 1;
  for (let at: Element | null = el; at && product > 0; at = topLayer(at) ? null : up(at)) {
    const style = getComputedStyle(at);
    const own = Number.parseFloat(style.opacity);
    product *= (Number.isFinite(own) ? own : 1) * filterOpacity(style.filter);
  }
  return product;
}

/** Whether `qr` is shown (see above) and is what the page has on top at (`x`, `y`), viewport px. */
export function qrSeenAt(qr: Element, x: number, y: number): boolean {
  if (!qr.isConnected) return false;
  const visible = qr.checkVisibility?.({
    opacityProperty: true,
    visibilityProperty: true,
    contentVisibilityAuto: true,
  });
  if (visible === false || paintedOpacity(qr) < MIN_OPACITY) return false;
  // From the QR's own root, so one inside a shadow root (open or closed) is found as itself, not as its host.
  const root = qr.getRootNode() as Document | ShadowRoot;
  const stack = typeof root.elementsFromPoint === 'function' ? root.elementsFromPoint(x, y) : [];
  const top = stack.find((el) => !isOurs(el));
  return !!top && (top === qr || qr.contains(top));
}
