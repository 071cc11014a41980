/**
 * Firefox has no IntersectionObserver v2 (https://github.com/mozilla/standards-positions/issues/672),
 * so genuine.ts refuses a click on our host when another
 * top-layer element overlaps it. But a QR in a modal <dialog> (issue 18) gets our host mounted inside
 * that dialog (host.ts parentFor): the dialog always overlaps it, and every click was refused.
 *
 * A top-layer element that holds our host and has not changed since our guard began was in the top
 * layer before our host was shown, so our host is above it (top-layer order is show order). One that
 * the page closes, reopens or toggles after that may now be above our host: it counts as covering
 * again, for good. Changes are seen from the `open` attribute (dialogs) and `toggle` events (popovers,
 * and dialogs where browsers fire them).
 */
export interface HeldBy {
  /** `el` holds `host` and has stayed as it was since this watch began. */
  holds(el: Element, host: Element): boolean;
  stop(): void;
}

export function watchHolders(doc: Document = document): HeldBy {
  const changed = new WeakSet<Node>();
  const mark = (event: Event): void => void (event.target instanceof Node && changed.add(event.target));
  doc.addEventListener('toggle', mark, true);
  const opens = new MutationObserver((records) => records.forEach((r) => changed.add(r.target)));
  opens.observe(doc, { subtree: true, attributes: true, attributeFilter: ['open'] });
  return {
    holds: (el, host) => {
      // Pending records first: a change made just before the click is not missed.
      opens.takeRecords().forEach((r) => changed.add(r.target));
      return el !== host && el.contains(host) && !changed.has(el);
    },
    stop() {
      doc.removeEventListener('toggle', mark, true);
      opens.disconnect();
    },
  };
}
