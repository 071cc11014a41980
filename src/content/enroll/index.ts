/**
 * Enroll by clicking the QR: find QR-shaped elements (now and as the page changes), let the
 * background decode them, put the affordance on the authenticator ones, and on the user's click add
 * the account and fill the page's "enter the 6-digit code" field with the current code.
 */
import type { CandidateReply } from '../../shared/protocol';
import { onBackgroundMessage, sendToBackground } from '../../platform/runtime-lite';
import { pageUi } from '../ui-loader';
import { drawnQrs, mediaIn, qrCandidates, qrShaped, thoroughly } from './detect';
import { LATER, sourceOf, type Spend } from './source';
import { cssContent } from './css-content';
import { allowance } from './allowance';
import { onDomChange } from '../dom-changes';
import { addSetupQr, tracked } from './setup-qrs';
import { isHtml } from '../tag';

const seen = new WeakMap<Element, { key: string; byUser: boolean; reply: Promise<CandidateReply | null> }>();
/** Elements that showed an authenticator QR: a new source of theirs is read at once (its old overlay would otherwise stay). */
const hadCandidate = new WeakSet<Element>();
const retries = new WeakMap<Element, number>();

/** An image is looked at again when its source changes (QRs regenerated on resize or "refresh"). */
const keyOf = (el: Element) => (isHtml(el, 'img') ? el.currentSrc || el.src : '');

/**
 * What the frame reads on its own (allowance.ts): 6 looks at square images (the 32-px two-tone check,
 * 0.5–1 ms of the page's time for a 200-px image it has to decode) and 3 reads (drawn, encoded and
 * decoded by the background, ~2 ms) at once, one more look every 5 s and one more read every 10 s.
 * A setup page's QR is among the first (the biggest square in view goes first); past that, a QR
 * waits for the user's pointer.
 */
const looks = allowance(6, 5000);
const reads = allowance(3, 10_000);
const allowanceFor = (step: 'look' | 'read') => (step === 'look' ? looks : reads);
const onItsOwn: Spend = {
  take: (step) => allowanceFor(step).take(),
  giveBack: (step) => allowanceFor(step).giveBack(),
};

/** In view (or drawn), not read for want of allowance: read when a real pointer reaches one. */
const waiting = new Set<Element>();
let pointing = false;

function readWhenPointedAt(el: Element): void {
  waiting.add(el);
  if (pointing) return;
  pointing = true;
  addEventListener('pointerover', onPointerOver, { capture: true, passive: true });
}

/**
 * The pointer entered an element: the waiting QR on its path, or else one under it (a QR in a closed
 * shadow root, or behind a transparent layer the page put over it), is read now: one for each time the
 * pointer enters something. Only the user's pointer: a page's own `dispatchEvent` is not trusted and
 * reads nothing.
 */
function onPointerOver(event: PointerEvent): void {
  if (!event.isTrusted) return;
  const path = event.composedPath();
  let pick: Element | undefined;
  for (const el of waiting) {
    if (!el.isConnected) waiting.delete(el);
    else if (path.includes(el)) {
      pick = el;
      break;
    }
  }
  if (!pick) {
    const { clientX: x, clientY: y } = event;
    for (const el of waiting) {
      const { left, right, top, bottom } = el.getBoundingClientRect();
      if (x >= left && x <= right && y >= top && y <= bottom) {
        pick = el;
        break;
      }
    }
  }
  if (pick) {
    waiting.delete(pick);
    void consider(pick, true);
  }
}

/** `byUser`: the user pointed at it, or asked to scan the page; otherwise the allowances decide. */
function consider(el: Element, byUser = false): Promise<CandidateReply | null> {
  const known = seen.get(el);
  if (known && known.key === keyOf(el)) {
    // The user asks while a look on the frame's own allowance is under way: its answer, unless it was
    // put off for want of allowance (then it is no longer in `seen`), which the user's ask reads now.
    if (byUser && !known.byUser) return known.reply.then((r) => (seen.get(el) === known ? r : consider(el, true)));
    return known.reply;
  }
  // A new source of a QR that showed a key: read now, not left with its old overlay.
  byUser ||= hadCandidate.has(el);
  const entry = { key: keyOf(el), byUser, reply: Promise.resolve<CandidateReply | null>(null) };
  waiting.delete(el);
  entry.reply = (async () => {
    // Looked at again when its source changes (a QR regenerated on resize or "refresh").
    if (isHtml(el, 'img')) watchLoads(el);
    // An element the page's CSS paints another image on (content: url(…)) shows what we would not read.
    const source = cssContent(el) ? null : await sourceOf(el, byUser ? undefined : onItsOwn);
    if (source === LATER) {
      // Not read: looked at again as new (a scan, the pointer), not answered from `seen`.
      if (seen.get(el) === entry) seen.delete(el);
      readWhenPointedAt(el);
      return null;
    }
    // A capture only of what this page may read itself (capture-guard.ts); if the page changed while
    // it was taken, the answer is dropped and the next scan tries again.
    const ui = () => pageUi().catch(() => null);
    const intact =
      source?.kind === 'capture' ? ((await (await ui())?.guardCapture(el, source.rect)) ?? null) : () => true;
    // No answer (locked, extension reloaded): no button on this QR.
    let answer = intact && source && (await sendToBackground({ type: 'enroll/candidate', source }).catch(() => null));
    if (intact && !intact()) {
      // The page changed while the tab was captured (our own in-field button appearing counts): look
      // again soon, even if the page does not change any more.
      answer = null;
      recheckLater(el, byUser);
    }
    if (answer?.busy) {
      // The tab's decode budget is spent for now (background/enroll/decode-queue.ts): read again when
      // the user points at it, as a QR past the frame's own allowance is.
      if (seen.get(el) === entry) seen.delete(el);
      readWhenPointedAt(el);
      return answer; // "Scan this page" says to try again
    }
    const candidate = answer?.candidate;
    // The overlay and everything after the click live in the page UI script, loaded now. A click on it
    // after the page drew another QR there reads the element again instead of adding (present.ts).
    if (candidate) {
      hadCandidate.add(el);
      addSetupQr(el);
      (await ui())?.presentCandidate(
        el,
        candidate,
        () => {
          seen.delete(el);
          void consider(el, true);
        },
        isHtml(el, 'img') ? entry.key : undefined,
      );
    }
    // A canvas may be drawn later; an <object>/<embed> document may load after the 3 s we wait for it
    // (seen in Firefox on a busy machine): both are looked at again.
    else if (isHtml(el, 'canvas') || isHtml(el, 'object') || isHtml(el, 'embed')) recheckLater(el, byUser);
    // An element that showed a key and now shows none (a new source read to the end): its overlay goes.
    if (!candidate && hadCandidate.has(el) && (source === null || answer)) (await ui())?.withdraw(el);
    return answer ?? null;
  })();
  seen.set(el, entry);
  return tracked(entry.reply);
}

/**
 * Looked at again, 4 times at most: a canvas that had no QR yet (drawing on it changes no attribute),
 * an <object>/<embed> whose document loaded after the 3 s we wait for it, and a capture dropped because the page changed while it was taken.
 */
function recheckLater(el: Element, byUser: boolean): void {
  const tries = retries.get(el) ?? 0;
  if (tries >= 4) return;
  retries.set(el, tries + 1);
  setTimeout(
    () => {
      seen.delete(el);
      // A QR the user pointed at is looked at again as the user's, not on the frame's allowance.
      if (el.isConnected) void consider(el, byUser);
    },
    500 * 2 ** tries,
  );
}

/** "Scan this page": every QR-shaped element, decoded (cached), reported to the background. */
async function scanPage(): Promise<{
  tokens: string[];
  qrs: number;
  malformed?: { count: number; code: string };
  busy?: number;
}> {
  const els = thoroughly(() => qrCandidates());
  // A QR the page changed since it was read (a canvas redrawn) is read again, not answered from then.
  for (const el of els) if (hadCandidate.has(el) && (await pageUi().catch(() => null))?.stale(el)) seen.delete(el);
  // A QR waiting to be scrolled into view for its capture does not hold up the answer.
  const replies = await Promise.all(
    els.map((el) => Promise.race([consider(el, true), new Promise<null>((r) => setTimeout(r, 5000, null))])),
  );
  const tokens = replies.flatMap((r) => (r?.candidate ? [r.candidate.token] : []));
  const malformed = replies.filter((r) => r?.malformed !== undefined);
  const busy = replies.filter((r) => r?.busy).length;
  return {
    tokens,
    qrs: replies.filter((r) => r?.isQr).length,
    ...(malformed.length > 0 && { malformed: { count: malformed.length, code: malformed[0]!.malformed! } }),
    ...(busy > 0 && { busy }),
  };
}

/** Not looked at yet, or an image whose source changed since. */
const fresh = (el: Element): boolean => seen.get(el)?.key !== keyOf(el);

/**
 * Media elements are looked at when they come near the viewport, as the IntersectionObserver reports
 * them: it measures them in the browser's own rendering step, so a page that keeps changing never has
 * its layout forced by us, and a long page's hundreds of images below the fold cost nothing until
 * they are scrolled to (a QR is enrolled by clicking it: it has to be on screen). A visible element
 * that is not QR-shaped yet (an image still loading, a QR step still growing, a hidden step shown) is
 * watched by a ResizeObserver and measured again when its size changes; observing an element again
 * gives a fresh report. (Measuring every such element again after each change of the page cost a shop
 * page with 200 product photos more than all the rest of our work.)
 */
const observed = new WeakSet<Element>();
/** Visible, not QR-shaped: the size last seen, to tell a change from the ResizeObserver's first report. */
const tooSmall = new Map<Element, { width: number; height: number }>();
let io: IntersectionObserver | undefined;
/**
 * Made on first use (a media element to observe, or an image found by "Scan this page" loading a new
 * source): a page with neither never builds it.
 */
const observer = (): IntersectionObserver =>
  (io ??= new IntersectionObserver(onIntersections, { rootMargin: '200px' }));
let ro: ResizeObserver | undefined;

function onIntersections(entries: IntersectionObserverEntry[]): void {
  const found: [Element, number][] = [];
  for (const { target, isIntersecting, boundingClientRect } of entries) {
    const inView = isIntersecting && target.isConnected;
    // Out of view, nobody points at it: when it comes back, the observer reports it again.
    if (!inView) waiting.delete(target);
    if (inView && !qrShaped(target, boundingClientRect)) {
      if (!tooSmall.has(target)) {
        tooSmall.set(target, { width: boundingClientRect.width, height: boundingClientRect.height });
        (ro ??= new ResizeObserver(onResize)).observe(target);
      }
      // Passed over while loading (the first time, or measured again with a new source): the load tells.
      if (isHtml(target, 'img') && !target.complete) watchLoads(target);
      continue;
    }
    if (tooSmall.delete(target)) ro!.unobserve(target);
    if (inView && fresh(target)) found.push([target, boundingClientRect.width * boundingClientRect.height]);
  }
  // The biggest first: a setup page's QR (150–300 px) before its logos, avatars and icons, should the
  // allowance run out.
  for (const [target] of found.sort((a, b) => b[1] - a[1])) void consider(target);
}

function onResize(entries: ResizeObserverEntry[]): void {
  for (const { target, contentRect } of entries) {
    const last = tooSmall.get(target);
    if (!last || (last.width === contentRect.width && last.height === contentRect.height)) continue;
    tooSmall.set(target, { width: contentRect.width, height: contentRect.height });
    remeasure(target);
  }
}

/**
 * An image that finishes loading (a new source too) changes no attribute: it is measured again if it
 * was passed over only for loading, or was looked at with another source. A size that changed with
 * the load is the ResizeObserver's. Listened to on those images only (a listener on the document
 * brought every load of the page, a shop's 200 photos, into our world).
 */
const loadWatched = new WeakSet<Element>();
function watchLoads(img: HTMLImageElement): void {
  if (loadWatched.has(img)) return;
  loadWatched.add(img);
  img.addEventListener('load', () => {
    const last = tooSmall.get(img);
    if (last ? qrShaped(img, last) : seen.has(img) && fresh(img)) remeasure(img);
  });
}

function remeasure(el: Element): void {
  observer().unobserve(el);
  observer().observe(el);
}

/** Observed already, and no <embed> (measured at every look, below): a look need not return it. */
const known = (el: Element): boolean => observed.has(el) && el.localName !== 'embed';

/** After a change: new media get observed, visible-but-small ones measured again, drawn QRs looked at. */
function scan(): void {
  let added = false;
  for (const el of mediaIn(document, [], known)) {
    // Firefox's IntersectionObserver gives no report for an <embed> (issue-18 page in
    // tests/e2e/firefox/reach.test.ts): those, rare on pages, are measured here like a drawn QR.
    if (isHtml(el, 'embed') && fresh(el) && qrShaped(el)) void consider(el);
    if (observed.has(el)) continue;
    observed.add(el);
    observer().observe(el);
    added = true;
  }
  // The observer reports after the next rendering step; until then the autofill waits (setup-qrs.ts).
  if (added) void tracked(new Promise((reported) => requestAnimationFrame(() => setTimeout(reported, 0))));
  for (const el of drawnQrs(document)) if (fresh(el)) void consider(el);
}
/**
 * What the background may ask of enrolling, answered from the script's start: "Scan this page" right
 * after a page loads must not find the frame still waiting for its first look (it would fall back to
 * a screenshot, whose accounts are bound to no site).
 */
export function answerEnrollMessages(): void {
  onBackgroundMessage({
    // Told that a QR's enrollment ended away from the page: the outcome (and the confirmation code in
    // it) is asked for, and given only to this frame's document of the QR's origin.
    'content/enrolled': async ({ token }) => {
      // No answer (another document, asked already, extension reloaded): nothing to show.
      const outcome = await sendToBackground({ type: 'enroll/outcome', token }).catch(() => null);
      if (outcome) (await pageUi()).enrolled(token, outcome);
      return {};
    },
    'content/scan': scanPage,
    'content/notice': async ({ text }) => {
      (await pageUi()).notify(text);
      return {};
    },
  });
}

export function startEnroll(): void {
  scan();
  // A page popover opened with showPopover() changes no attribute: its toggle event (no bubbling, seen
  // in the capture phase: https://github.com/whatwg/html/issues/8888) shows that a QR inside it may now be on screen.
  document.addEventListener('toggle', scan, true);
  onDomChange(document, scan);
}
