export const HTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * The element's shadow root, open or closed: content scripts may read closed ones through
 * `chrome.dom.openOrClosedShadowRoot` (Chrome 88+,
 * https://developer.chrome.com/docs/extensions/reference/api/dom) or the element's own
 * `openOrClosedShadowRoot` (Firefox,
 * https://developer.mozilla.org/docs/Web/API/Element/openOrClosedShadowRoot).
 */
export function shadowOf(el: Element): ShadowRoot | null {
  // Only HTML elements can host a shadow root (DOM's attachShadow), and Chrome's API throws a
  // TypeError for anything else: an SVG or MathML element (our own buttons' icons, a page's
  // <svg><font-face>) would otherwise break the caller's whole walk of the page.
  if (el.namespaceURI !== HTML_NS) return null;
  const x = el as Element & { openOrClosedShadowRoot?: ShadowRoot | null };
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(el: Element): ShadowRoot | null } } }).chrome
    ?.dom;
  return x.openOrClosedShadowRoot ?? dom?.openOrClosedShadowRoot?.(el) ?? el.shadowRoot;
}
