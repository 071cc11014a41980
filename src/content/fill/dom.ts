/** Small DOM helpers shared by the classifier and the observer. */
import { shadowsIn } from '../enroll/detect';

/**
 * Every <input> under `root` matching `selector`, in document order, descending into shadow roots
 * (closed ones of custom elements included, read as when enrolling: enroll/detect.ts's shared walk).
 */
export function inputsIn(
  root: Document | ShadowRoot,
  selector = 'input',
  out: HTMLInputElement[] = [],
): HTMLInputElement[] {
  const shadows = shadowsIn(root);
  // Most pages: no shadow root, and the browser's own list is already in document order.
  if (!shadows.length) {
    out.push(...root.querySelectorAll<HTMLInputElement>(selector));
    return out;
  }
  const hosts = new Map(shadows);
  // The inputs and the hosts, in document order (custom element names may hold a "." or other
  // characters a selector reads otherwise: escaped).
  const names = [...new Set(shadows.map(([host]) => CSS.escape(host.localName)))];
  for (const el of root.querySelectorAll(`${selector},${names.join()}`)) {
    if (el.tagName === 'INPUT') out.push(el as HTMLInputElement);
    const shadow = hosts.get(el);
    if (shadow) inputsIn(shadow, selector, out);
  }
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
