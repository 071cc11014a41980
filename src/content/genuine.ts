/**
 * Against clickjacking: the page can style our host element (not its closed shadow content), e.g.
 * make it transparent over a decoy button. A click counts only if our element was on screen for a
 * moment, fully opaque and visible, and really on top where the user clicked.
 */
export function genuine(host: HTMLElement, event: Event, shownAt: number): boolean {
  if (performance.now() - shownAt < 400) return false;
  for (let el: Element | null = host; el; el = el.parentElement) {
    const style = getComputedStyle(el);
    if (Number(style.opacity) < 0.95 || style.visibility !== 'visible' || style.filter !== 'none') return false;
  }
  const { clientX, clientY, detail } = event as MouseEvent;
  // A keyboard press on a focused button is a click with no point (detail 0): nothing to hit-test.
  return clientX === undefined || detail === 0 || document.elementFromPoint(clientX, clientY) === host;
}
