/**
 * What a frame does on its own with the QR-shaped elements it finds, before anyone points at one. A
 * setup page shows one QR, two at most; a page that shows dozens (a ticket wallet, a QR gallery, a
 * feed adding them as it goes) would otherwise have every one drawn, encoded and decoded, on its own
 * main thread and in our decoder, for nothing (issue 16's CPU benchmark: ~0.2 ms of the page's time a
 * QR, 200 of them on its mutating page). Past the allowance, a QR is read when the user's pointer
 * reaches it (enroll/index.ts), on its way to the click that enrolls it.
 */

/** `size` at once, and one more every `everyMs` after one was taken, up to `size` again. */
export interface Allowance {
  take(): boolean;
  /** Returns one taken but not used (taken ahead of a look that found no QR). */
  giveBack(): void;
}

export function allowance(size: number, everyMs: number, now: () => number = () => performance.now()): Allowance {
  let left = size;
  // Set by the first take (a full allowance earns nothing): no clock read when the script loads, the
  // first use of `performance` in our world (~0.06 ms on every page, issue 16's CPU benchmark).
  let since = Number.NaN;
  return {
    take() {
      const t = now();
      const earned = Math.floor((t - since) / everyMs);
      if (earned > 0) {
        left = Math.min(size, left + earned);
        since += earned * everyMs;
      }
      if (left === 0) return false;
      // A full allowance earns nothing more: the next one is earned from this take on.
      if (left === size) since = t;
      left--;
      return true;
    },
    giveBack() {
      left = Math.min(size, left + 1);
    },
  };
}
