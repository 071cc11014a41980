/**
 * One MutationObserver for the whole content script (enroll, autofill and append all wait for the
 * page to change), built to cost a busy page almost nothing:
 *
 * - the first change disconnects it, and the listeners run once after a short window; changes in
 *   that window cost us nothing (no records are made for us, no callback runs);
 * - a page that keeps changing without giving us anything new (a ticker, a live feed) gets a longer
 *   window each time, up to `SLOW_MS`;
 * - a change after a quiet spell, or (a click, a key, a submit), bring the window back to `FAST_MS`: that is when
 *   the next sign-in step, or the setup page's QR, gets rendered. A user's action also ends a slow window
 *   already under way within `FAST_MS`, and the windows start again from there (40, 80, 160 ms…): on a
 *   busy page, the code field that a click on "Sign in" brings is looked at soon after it appears, not
 *   after the rest of a window of up to `SLOW_MS`.
 */
const FAST_MS = 40;
const SLOW_MS = 1000;
const OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  // Not width or height: a canvas cleared with `canvas.width = canvas.width` on every frame would wake
  // us all the time. A medium declared oblong and then resized square is looked at after the next
  // change seen here (enroll/detect.ts).
  attributeFilter: ['type', 'src', 'style', 'class', 'hidden', 'disabled', 'open'],
};

type Listener = () => void;

const listeners = new Set<Listener>();
const roots = new Set<Node>();
let window_ = FAST_MS;
let lastRun = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
/** When the window under way ends (`timer`'s time). */
let due = 0;
let observer: MutationObserver | undefined;

function connect(): void {
  for (const root of roots) observer!.observe(root, OPTIONS);
}

function wait(ms: number): void {
  due = performance.now() + ms;
  timer = setTimeout(() => {
    timer = undefined;
    lastRun = performance.now();
    for (const listener of [...listeners]) listener();
    window_ = Math.min(SLOW_MS, window_ * 2);
    if (listeners.size) connect();
  }, ms);
}

function changed(): void {
  observer!.disconnect();
  // Quiet for a while: this is a new burst (the next step of a sign-in), not the ticker again.
  if (performance.now() - lastRun > 2 * window_) window_ = FAST_MS;
  wait(window_);
}

function userActed(): void {
  window_ = FAST_MS;
  if (timer !== undefined && due - performance.now() > FAST_MS) {
    clearTimeout(timer);
    wait(FAST_MS);
  }
}

/**
 * Calls `listener` (after a window) whenever `root` or another watched root changed; returns a
 * function that stops. Shadow roots are watched by calling this with them: their changes do not reach
 * the document's observer.
 */
export function onDomChange(root: Node, listener: Listener): () => void {
  if (!observer) {
    observer = new MutationObserver(changed);
    for (const type of ['pointerdown', 'keydown', 'submit'])
      addEventListener(type, userActed, { capture: true, passive: true });
  }
  listeners.add(listener);
  watchRoot(root);
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      observer!.disconnect();
      roots.clear();
    }
  };
}

/** Watches one more root (a shadow root found later) for the listeners already registered. */
export function watchRoot(root: Node): void {
  if (!observer || roots.has(root)) return;
  roots.add(root);
  if (!timer && listeners.size) observer.observe(root, OPTIONS);
}
