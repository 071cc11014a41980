/**
 * The element's shadow root, open or closed: content scripts may read closed ones through
 * `chrome.dom.openOrClosedShadowRoot` (Chrome 88+,
 * https://developer.chrome.com/docs/extensions/reference/api/dom) or the element's own
 * `openOrClosedShadowRoot` (Firefox,
 * https://developer.mozilla.org/docs/Web/API/Element/openOrClosedShadowRoot).
 */
export function shadowOf(el: Element): ShadowRoot | null {
  const x = el as Element & { openOrClosedShadowRoot?: ShadowRoot | null };
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(el: Element): ShadowRoot | null } } }).chrome?.dom;
  return x.openOrClosedShadowRoot ?? dom?.openOrClosedShadowRoot?.(el) ?? el.shadowRoot;
}
