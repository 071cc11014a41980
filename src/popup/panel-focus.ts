import { useEffect, useRef } from 'preact/hooks';

/**
 * A panel's heading takes the focus when the panel opens (it has tabIndex -1): a keyboard user is
 * in the panel, and a screen reader says which one, instead of the focus falling to <body>. `view`:
 * a component that shows one of several views focuses the heading again when it changes.
 */
export function usePanelHeading<T extends HTMLElement = HTMLHeadingElement>(view?: unknown) {
  const heading = useRef<T>(null);
  useEffect(() => heading.current?.focus(), [view]);
  return heading;
}

/**
 * Escape closes the panel (as its Cancel or Back does). A menu open inside it (aria-expanded) takes
 * its own Escape first.
 */
export const closeOnEscape = (close: () => void) => (event: KeyboardEvent) => {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  if ((event.currentTarget as Element).querySelector('[aria-expanded="true"]')) return;
  event.preventDefault();
  close();
};
