/**
 * Watches for one-time-code fields rendered late (SPAs draw the 2FA step after the password step).
 * Mutations are debounced; shadow roots are watched too, since their mutations do not reach the
 * document's observer. Stops once `onFound` reports (or resolves) a fill, or after `limit` scans.
 */
import { findOtpFields, type OtpTarget } from './classify';
import { shadowRootsIn } from './dom';

/** The inputs a target fills. */
export const inputsOf = (t: OtpTarget): HTMLInputElement[] => ('inputs' in t ? t.inputs : [t.input]);

/** Calls `onFound` once per new target; returns a function that stops watching. */
export function watchOtpFields(
  root: Document | ShadowRoot,
  onFound: (target: OtpTarget) => boolean | Promise<boolean>,
  delay = 150,
  limit = 100,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const offered = new WeakSet<HTMLInputElement>();
  const watched = new WeakSet<Node>();
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(scan, delay);
  });
  const stop = (): void => {
    observer.disconnect();
    clearTimeout(timer);
  };
  const watch = (node: Document | ShadowRoot): void => {
    if (watched.has(node)) return;
    watched.add(node);
    observer.observe(node, { childList: true, subtree: true, attributes: true, attributeFilter: ['type', 'style', 'class', 'hidden', 'disabled'] });
  };
  function scan(): void {
    if (limit-- <= 0) return stop();
    [root, ...shadowRootsIn(root)].forEach(watch);
    const target = findOtpFields(root);
    if (!target || inputsOf(target).every((i) => offered.has(i))) return;
    inputsOf(target).forEach((i) => offered.add(i));
    const filled = onFound(target);
    if (filled === true) stop();
    else if (filled) void filled.then((done) => done && stop());
  }
  scan();
  return stop;
}
