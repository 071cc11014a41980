/**
 * Firefox has no IntersectionObserver v2 (https://github.com/mozilla/standards-positions/issues/672),
 * so genuine.ts works out itself which top-layer elements may be painted over our host, which sits in
 * the top layer (host.ts). The top layer is painted in the order its elements entered it:
 * - what was in it when our guard began, and has not changed since, is below our host (a modal
 *   <dialog> the QR is in, issue 18; a menu the page keeps open);
 * - anything shown since, or closed and shown again (`toggle` events, the `open` attribute), may be
 *   above it, and is painted wherever it likes: a child overflowing a 1-px popover, a box shadow, its
 *   `::backdrop`. So it covers our host whatever its box.
 * Top-layer elements inside shadow roots (open or closed) count too: a selector query of the document
 * does not reach them, so every root is walked. Our own hosts (host.ts `mount`) are never a cover.
 */
import { shadowOf } from '../platform/shadow-root';

export interface TopLayerWatch {
  /** The page's elements in the top layer now that may be painted above `host`. */
  above(host: Element): Element[];
  /** Our host was shown again, on top of all: what is in the top layer now is below it. */
  rebase(): void;
  stop(): void;
}

const SELECTORS = [':popover-open', ':modal', ':fullscreen'];
const ours = new WeakSet<Element>();

/** Our own host (mounted by host.ts): another of ours shown later does not cover this one. */
export const markOurs = (host: Element): void => void ours.add(host);

/** The document and every shadow root in it, open or closed, nested ones included. */
function rootsOf(doc: Document): (Document | ShadowRoot)[] {
  const roots: (Document | ShadowRoot)[] = [doc];
  for (let i = 0; i < roots.length; i++)
    for (const el of roots[i]!.querySelectorAll('*')) {
      const shadow = shadowOf(el);
      if (shadow) roots.push(shadow);
    }
  return roots;
}

function topLayerIn(roots: readonly (Document | ShadowRoot)[]): Element[] {
  const found: Element[] = [];
  for (const root of roots)
    for (const selector of SELECTORS) {
      try {
        found.push(...root.querySelectorAll(selector));
      } catch {
        // A selector this browser does not know: nothing of that kind can be open.
      }
    }
  return found;
}

export function watchTopLayer(doc: Document = document): TopLayerWatch {
  let changed = new WeakSet<Node>();
  let below = new Set<Element>();
  const heard = new Set<Document | ShadowRoot>();
  const mark = (event: Event): void => void (event.target instanceof Node && changed.add(event.target));
  const opens = new MutationObserver((records) => records.forEach((r) => changed.add(r.target)));
  // Changes are heard in each root known so far: a `toggle` event does not leave its shadow root.
  const hear = (roots: readonly (Document | ShadowRoot)[]): void => {
    for (const root of roots) {
      if (heard.has(root)) continue;
      heard.add(root);
      root.addEventListener('toggle', mark, true);
      opens.observe(root, { subtree: true, attributes: true, attributeFilter: ['open'] });
    }
  };
  const rebase = (): void => {
    const roots = rootsOf(doc);
    hear(roots);
    opens.takeRecords();
    changed = new WeakSet();
    below = new Set(topLayerIn(roots));
  };
  rebase();
  return {
    above(host) {
      // Pending records first: a change made just before the click is not missed.
      opens.takeRecords().forEach((r) => changed.add(r.target));
      const roots = rootsOf(doc);
      hear(roots);
      return topLayerIn(roots).filter((el) => el !== host && !ours.has(el) && !(below.has(el) && !changed.has(el)));
    },
    rebase,
    stop() {
      for (const root of heard) root.removeEventListener('toggle', mark, true);
      opens.disconnect();
    },
  };
}
