/**
 * IntersectionObserver v2 (`trackVisibility`, Chromium): the browser itself tells whether our host is
 * unoccluded and undistorted where it is painted; the only judge of what a top-layer cover, shown by the
 * page after ours, hides (hit testing skips `pointer-events:none`, so elementFromPoint cannot see it).
 * https://w3c.github.io/IntersectionObserver/v2/ — Chromium also ignores a `mask` on <html> here (seen
 * in Chromium 156), so genuine.ts checks styles as well.
 */
interface V2Entry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

export interface Sight {
  /** performance.now() time since which the host has been visible without a break; undefined: not visible. */
  since(): number | undefined;
  stop(): void;
}

const supported = (): boolean =>
  typeof IntersectionObserverEntry === 'function' && 'isVisible' in IntersectionObserverEntry.prototype;

/** Tracks `host`'s visibility; null where the browser has no IntersectionObserver v2 (Firefox:
 * https://github.com/mozilla/standards-positions/issues/672). */
export function trackVisibility(host: Element, IO = globalThis.IntersectionObserver, v2 = supported()): Sight | null {
  if (!IO || !v2) return null;
  let since: number | undefined;
  const observer = new IO(
    (entries: V2Entry[]) => {
      for (const e of entries) since = e.isVisible === true ? (since ?? e.time) : undefined;
    },
    // delay 100 is the smallest the browser accepts with trackVisibility.
    { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  observer.observe(host);
  return { since: () => since, stop: () => observer.disconnect() };
}
