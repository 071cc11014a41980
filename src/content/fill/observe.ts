/**
 * Watches for one-time-code fields rendered late (SPAs draw the 2FA step after the password step),
 * through the content script's one observer (dom-changes.ts); shadow roots are watched too, since
 * their mutations do not reach the document's observer. Stops once `onFound` reports (or resolves) a fill, or after `limit` scans.
 */
import { findOtpFields, type OtpTarget } from './classify';
import { shadowRootsIn } from './dom';
import { onDomChange, watchRoot } from '../dom-changes';

/** The inputs a target fills. */
export const inputsOf = (t: OtpTarget): HTMLInputElement[] => ('inputs' in t ? t.inputs : [t.input]);

/** Calls `onFound` once per new target; returns a function that stops watching. */
export function watchOtpFields(
  root: Document | ShadowRoot,
  onFound: (target: OtpTarget) => boolean | Promise<boolean>,
  limit = 100,
): () => void {
  const offered = new WeakSet<HTMLInputElement>();
  const stop = onDomChange(root, scan);
  function scan(): void {
    if (limit-- <= 0) return stop();
    shadowRootsIn(root).forEach(watchRoot);
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
