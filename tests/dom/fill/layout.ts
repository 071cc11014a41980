/** happy-dom computes styles but has no layout: tests give elements their boxes (viewport coordinates). */

export function place(el: Element, x: number, y: number, width: number, height: number): void {
  Object.defineProperty(el, 'getBoundingClientRect', {
    configurable: true,
    value: () => new DOMRect(x, y, width, height),
  });
}

/** The document's scrollable size (a real page is at least as large as its viewport). */
export function pageSize(width: number, height: number): void {
  const html = document.documentElement;
  Object.defineProperty(html, 'scrollWidth', { configurable: true, value: width });
  Object.defineProperty(html, 'scrollHeight', { configurable: true, value: height });
}

/** A scroll container's content size. */
export function scrollSize(el: Element, width: number, height: number): void {
  Object.defineProperty(el, 'scrollWidth', { configurable: true, value: width });
  Object.defineProperty(el, 'scrollHeight', { configurable: true, value: height });
}
