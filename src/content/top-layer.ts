/**
 * Firefox has no IntersectionObserver v2 (https://github.com/mozilla/standards-positions/issues/672),
 * so genuine.ts works out itself which top-layer elements may be painted over our host, which sits in
 * the top layer (host.ts). The top layer is painted in the order its elements entered it, and what the
 * page puts there is painted wherever it likes (a child overflowing a 1-px popover, a box shadow, its
 * `::backdrop`), so box checks prove nothing. What the page can do to that order without a trace we can
 * rely on (its `toggle` events it can stop before our listeners hear them) decides the rule:
 * - a modal `<dialog>` of the document that was open when our guard began, and whose `open` attribute
 *   has not changed since (a MutationObserver, which the page cannot stop), is below our host: the
 *   dialog a QR is in (issue 18), where host.ts mounts our host;
 * - every other element of the page in the top layer (a popover, a fullscreen element, a dialog opened
 *   or reopened since, anything in a shadow root, open or closed) may be above it: it covers our host.
 *   A page's auto popover (a menu) closes by itself when the user clicks elsewhere, before the click.
 * Our own hosts (host.ts `mount`) are never a cover.
 */
import { shadowOf } from '../platform/shadow-root';

export interface TopLayerWatch {
  /** The page's elements in the top layer now that may be painted above our host. */
  above(host: Element): Element[];
  /** Our host was shown again, on top of all: the modal dialogs open now are below it. */
  rebase(): void;
  stop(): void;
}

const SELECTORS = [':popover-open', ':modal', ':fullscreen'];
const ours = new WeakSet<Element>();

/** Our own host (mounted by host.ts): another of ours shown later does not cover this one. */
export const markOurs = (host: Element): void => void ours.add(host);

/** Whether `el` is one of our hosts. */
export const isOurs = (el: Element): boolean => ours.has(el);

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

/** The elements of `root` (not of its shadow roots) in the top layer now: open popovers, modal dialogs, fullscreen. */
export const topLayerIn = (root: Document | ShadowRoot): Element[] =>
  SELECTORS.flatMap((selector) => inRoot(root, selector));

function inRoot(root: Document | ShadowRoot, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return []; // a selector this browser does not know: nothing of that kind can be open
  }
}

export function watchTopLayer(doc: Document = document): TopLayerWatch {
  let changed = new WeakSet<Node>();
  let below = new Set<Element>();
  const opens = new MutationObserver((records) => records.forEach((r) => changed.add(r.target)));
  opens.observe(doc, { subtree: true, attributes: true, attributeFilter: ['open'] });
  const rebase = (): void => {
    opens.takeRecords();
    changed = new WeakSet();
    below = new Set(inRoot(doc, ':modal'));
  };
  rebase();
  return {
    above(host) {
      // Pending records first: a dialog closed and reopened just before the click is not missed.
      opens.takeRecords().forEach((r) => changed.add(r.target));
      // Below our host: a modal dialog of the document, open since before it, unchanged, not fullscreen
      // (entering fullscreen again re-stacks an element and changes no attribute).
      const fullscreen = new Set(inRoot(doc, ':fullscreen'));
      const modal = new Set(inRoot(doc, ':modal'));
      const held = (el: Element) => below.has(el) && !changed.has(el) && !fullscreen.has(el) && modal.has(el);
      const found = rootsOf(doc).flatMap(topLayerIn);
      return [...new Set(found)].filter((el) => el !== host && !ours.has(el) && !held(el));
    },
    rebase,
    stop: () => opens.disconnect(),
  };
}
