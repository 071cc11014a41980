/** Small DOM helpers shared by the classifier and the observer. */
import { shadowsIn } from '../enroll/detect';

const DOCUMENT_POSITION_FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, by value (detect.ts)

/**
 * Every <input> under `root` matching `selector`, in document order, descending into shadow roots
 * (closed ones of custom elements included, read as when enrolling: enroll/detect.ts's shared walk).
 * A shadow root's inputs come where its host is, before the host's own light content.
 */
export function inputsIn(
  root: Document | ShadowRoot,
  selector = 'input',
  out: HTMLInputElement[] = [],
): HTMLInputElement[] {
  const shadows = shadowsIn(root);
  const light = root.querySelectorAll<HTMLInputElement>(selector);
  // Most pages: no shadow root, and the browser's own list is already in document order.
  if (!shadows.length) {
    out.push(...light);
    return out;
  }
  // Both in document order (the walk sorts its hosts): merged, so that no other element of the page
  // is asked (a query naming the hosts' elements, `div`, would give every div an object in our world).
  let i = 0;
  for (const [host, shadow] of shadows) {
    while (i < light.length && !(host.compareDocumentPosition(light[i]!) & DOCUMENT_POSITION_FOLLOWING))
      out.push(light[i++]!);
    inputsIn(shadow, selector, out);
  }
  while (i < light.length) out.push(light[i++]!);
  return out;
}

/** Shadow roots under `root` (the observer watches them too: their mutations do not bubble out). */
export function shadowRootsIn(root: Document | ShadowRoot, out: ShadowRoot[] = []): ShadowRoot[] {
  for (const [, shadow] of shadowsIn(root)) shadowRootsIn(shadow, (out.push(shadow), out));
  return out;
}

export const parentOf = (el: Element): Element | null =>
  el.parentElement ?? ((el.getRootNode() as Partial<ShadowRoot>).host || null);

/**
 * Rendered at all (display/visibility/hidden, up through shadow hosts). Transparent fields count as
 * shown: input-otp style widgets hide their real input with opacity, and that input is the one to fill.
 */
export function shown(el: Element): boolean {
  for (let node: Element | null = el; node; node = parentOf(node)) {
    if ((node as HTMLElement).hidden) return false;
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
  }
  return true;
}

/** Present but invisible to the eye: the input-otp pattern of a transparent input over slot divs. */
export function transparent(input: HTMLInputElement): boolean {
  const style = getComputedStyle(input);
  return (
    style.opacity === '0' ||
    /^(?:transparent|rgba\(.*,\s*0\))$/.test(style.color.trim()) ||
    /^[01]px$/.test(style.width) ||
    /^[01]px$/.test(style.height)
  );
}

/** Text of nodes near `el` that describe it: headings, legends, paragraphs and labels a few levels up. */
export function contextText(el: Element): string {
  let text = '';
  let node = el.parentElement;
  for (let i = 0; node && i < 4; i++, node = node.parentElement) {
    for (const h of node.querySelectorAll('h1,h2,h3,h4,h5,h6,legend,p,label,[role=heading]'))
      text += ` ${h.textContent}`;
    if (text.length > 400) break;
  }
  return text.slice(0, 600);
}
