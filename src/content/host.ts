/**
 * Our host elements (the QR overlay, notices, the in-field button) live in the page's DOM, so the page's
 * CSS and scripts reach them: a mask, clip-path, transform, opacity animation or filter on the host or
 * on <html> would hide them while they still take clicks (issue 11, finding 3). Two layers against it:
 *
 * - Pinned style: `:host{all:initial!important;…}` inside our closed shadow root. Important
 *   declarations of an inner (shadow) context win over every outer one, even the page's inline
 *   `style="…!important"` and animations (CSS Cascade 5 §6.1, "Context"); inline `!important` on the
 *   host (set below too) beats the page's style sheets but not its scripts. Position and size come in as
 *   custom properties, which `all` does not reset.
 * - The top layer (`popover=manual` + showPopover): top-layer boxes are painted as siblings of the root,
 *   so nothing on <html> (mask, clip-path, transform, opacity, filter) reaches them, and no z-index can
 *   cover them; only a top-layer element shown later can, and genuine.ts refuses clicks then.
 *   https://drafts.csswg.org/css-position-4/#top-layer
 */
import { markOurs } from './top-layer';

/** What the page could change to hide or distort our host, and the only value we accept. */
export const PINNED: readonly (readonly [string, string])[] = [
  ['opacity', '1'],
  ['visibility', 'visible'],
  ['filter', 'none'],
  ['backdrop-filter', 'none'],
  ['transform', 'none'],
  ['clip-path', 'none'],
  ['mask-image', 'none'],
  ['-webkit-mask-box-image-source', 'none'],
  ['mix-blend-mode', 'normal'],
  ['pointer-events', 'auto'],
];

// `display` hides the host while our popover is closed (e.g. the page called hidePopover on it): a
// closed popover would otherwise be painted in the page's flow, where <html>'s mask applies again.
export const HOST_CSS =
  ':host{all:initial!important;display:var(--d,block)!important;position:var(--p,fixed)!important;left:var(--l,auto)!important;top:var(--t,auto)!important;right:var(--r,auto)!important;width:var(--w,auto)!important;height:var(--h,auto)!important;margin:0!important;overflow:visible!important;z-index:2147483647!important}:host([popover]:not(:popover-open)){display:none!important}';

/** Sets our custom properties (`--l: 10px`…) on the host, important, and only when they change. */
export function setVars(host: HTMLElement, vars: Record<string, string>): void {
  for (const [name, value] of Object.entries(vars)) {
    if (host.style.getPropertyValue(`--${name}`) !== value) host.style.setProperty(`--${name}`, value, 'important');
  }
}

/**
 * Where our host goes: a modal <dialog> (showModal) makes everything outside it inert, so a host on
 * <html> would take no click there even when painted above it (issue 18). Inside the top-layer
 * element (modal dialog or open popover) that holds `anchor`, else inside the topmost modal dialog,
 * else on <html>. Our own popover is shown after it, so it is above it in the top layer, and a page
 * popover with light dismiss stays open when our host (its descendant) is clicked.
 */
export function parentFor(anchor?: Element): Element {
  const layered = (el: Element | null): el is Element => !!el && el.matches(':modal, :popover-open');
  for (let el = anchor ?? null; el; el = el.parentElement ?? ((el.getRootNode() as Partial<ShadowRoot>).host || null)) {
    try {
      if (el instanceof HTMLElement && el.getRootNode() === document && layered(el)) return el;
    } catch {
      break; // no :modal / :popover-open selector here: no top layer either
    }
  }
  let modal: Element | undefined;
  try {
    modal = [...document.querySelectorAll('dialog:modal')].at(-1);
  } catch {
    // as above
  }
  return modal ?? document.documentElement;
}

/** The host sits where mount() put it: on <html>, or in a modal dialog / open popover of the page. */
export const wellPlaced = (host: Element): boolean => {
  const parent = host.parentElement;
  if (parent === document.documentElement) return true;
  try {
    return !!parent && parent.matches(':modal, :popover-open');
  } catch {
    // A browser without these selectors has no top layer to check.
    return false;
  }
};

/** Appends the host (see parentFor) and lifts it into the top layer where the browser can. */
export function mount(host: HTMLElement, anchor?: Element): void {
  markOurs(host);
  for (const [name, value] of PINNED) host.style.setProperty(name, value, 'important');
  host.setAttribute('popover', 'manual');
  parentFor(anchor).append(host);
  try {
    host.showPopover();
  } catch {
    // No Popover API (Firefox < 125, test DOMs): stay in the page's flow; genuine.ts then also checks
    // every ancestor's style. https://developer.mozilla.org/docs/Web/API/Popover_API#browser_compatibility
    host.removeAttribute('popover');
  }
}
