/**
 * Against clickjacking: a click on our host element counts only if the user could really see it for a
 * moment before clicking. The page can restyle, move and cover the host (see host.ts for how it is
 * pinned, and issue 11, finding 3); here, at click time:
 * - the host has been shown, unchanged (no attribute change, no popover toggle), for 400 ms;
 * - IntersectionObserver v2, where the browser has it, has seen it visible for 300 ms without a break;
 * - its computed style is the pinned one (and, outside the top layer, every ancestor's), no script
 *   animation runs on it, and it has its full size;
 * - it is what the click hit; without IO v2 also no element of the page may be painted above it in the
 *   top layer (top-layer.ts). Such a click is refused and our host is shown again, on top (a modal
 *   dialog the page closed and reopened is below it then; a popover of the page still refuses).
 */
import { PINNED, wellPlaced } from './host';
import { trackVisibility, type Sight } from './visibility';
import { topLayerIn, watchTopLayer } from './top-layer';

const SHOWN_MS = 400;
// The observer's first verdict comes with the first frame that paints the host, a frame or more
// after it was mounted (longer on a busy page): seen visible for 300 ms, on top of 400 ms shown.
const SEEN_MS = 300;

export interface Guard {
  genuine(event: Event): boolean;
  /**
   * Whether the last click `genuine` refused was the user's own click on our host, refused only because
   * something of the page is in the top layer, where it may be painted over our host (Firefox: a page
   * popover, a fullscreen element). The caller says so to the user: while the page shows it, no click on
   * our host counts, and the toolbar button is the way.
   */
  covered(): boolean;
  stop(): void;
}

/** Starts watching `host`; `minSide`: its smallest honest width and height. */
export function guard(
  host: HTMLElement,
  minSide: number,
  now = () => performance.now(),
  track: (host: Element) => Sight | null = trackVisibility,
): Guard {
  let since = now();
  let coveredBy = false;
  const restart = (): void => void (since = now());
  const sight = track(host);
  const changes = new MutationObserver(restart);
  changes.observe(host, { attributes: true });
  host.addEventListener('toggle', restart);
  // Without IO v2 only: the top layer as it was below our host, and what entered it since.
  const layer = sight ? null : watchTopLayer();
  /** Shows our host again, on top of what entered the top layer after it; its clock starts again. */
  const raise = (): void => {
    try {
      host.hidePopover();
      host.showPopover();
    } catch {
      return; // not a popover (no Popover API): nothing to raise
    }
    layer?.rebase();
    restart();
  };
  return {
    genuine(event) {
      coveredBy = false;
      const t = now();
      if (!event.isTrusted || t - since < SHOWN_MS) return false;
      if (sight) {
        const visible = sight.since();
        if (visible === undefined || t - visible < SEEN_MS) return false;
      }
      if (!pinned(host, minSide)) return false;
      if (layer) {
        if (!inTopLayer(host)) {
          if (covered(host)) {
            coveredBy = hit(host, event);
            return false;
          }
        } else if (layer.above(host).length) {
          coveredBy = hit(host, event);
          raise();
          return false;
        }
      }
      return hit(host, event);
    },
    covered: () => coveredBy,
    stop() {
      changes.disconnect();
      sight?.stop();
      layer?.stop();
      host.removeEventListener('toggle', restart);
    },
  };
}

function plain(el: Element): boolean {
  const style = getComputedStyle(el);
  return PINNED.every(([name, value]) => {
    const actual = style.getPropertyValue(name);
    // A property this browser does not know computes to ''.
    return actual === value || actual === '';
  });
}

const inTopLayer = (host: Element): boolean => {
  try {
    return host.matches(':popover-open');
  } catch {
    return false; // no :popover-open selector: no Popover API, mount() left the host in the flow
  }
};

function pinned(host: HTMLElement, minSide: number): boolean {
  if (!wellPlaced(host) || !plain(host) || host.getAnimations().length) return false;
  if (host.hasAttribute('popover')) {
    if (!inTopLayer(host)) return false; // the page closed our popover
  } else {
    for (let el = host.parentElement; el; el = el.parentElement)
      if (!plain(el) || el.getAnimations().length) return false;
  }
  const { width, height } = host.getBoundingClientRect();
  return width >= minSide && height >= minSide;
}

/** A host left in the page's flow (no Popover API): any top-layer element over it is above it. */
function covered(host: HTMLElement): boolean {
  const r = host.getBoundingClientRect();
  return topLayerIn(document).some((el) => {
    const o = el.getBoundingClientRect();
    return o.left < r.right && o.right > r.left && o.top < r.bottom && o.bottom > r.top;
  });
}

function hit(host: Element, event: Event): boolean {
  const { clientX, clientY, detail } = event as MouseEvent;
  // A keyboard press on a focused button is a click with no point (detail 0): nothing to hit-test.
  return clientX === undefined || detail === 0 || document.elementFromPoint(clientX, clientY) === host;
}
