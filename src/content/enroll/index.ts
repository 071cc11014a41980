/**
 * Enroll by clicking the QR: find QR-shaped elements (now and as the page changes), let the
 * background decode them, put the affordance on the authenticator ones, and on the user's click add
 * the account and fill the page's "enter the 6-digit code" field with the current code.
 */
import type { CandidateReply } from '../../shared/protocol';
import { onBackgroundMessage, sendToBackground } from '../../platform/runtime-lite';
import { pageUi } from '../ui-loader';
import { drawnQrs, mediaIn, qrCandidates, qrShaped } from './detect';
import { sourceOf } from './source';
import { onDomChange } from '../dom-changes';
import { addSetupQr, tracked } from './setup-qrs';
import { isHtml } from '../tag';

const seen = new WeakMap<Element, { key: string; reply: Promise<CandidateReply | null> }>();
const retries = new WeakMap<Element, number>();

/** An image is looked at again when its source changes (QRs regenerated on resize or "refresh"). */
const keyOf = (el: Element) => (isHtml(el, 'img') ? el.currentSrc || el.src : '');

function consider(el: Element): Promise<CandidateReply | null> {
  const known = seen.get(el);
  if (known && known.key === keyOf(el)) return known.reply;
  const reply = (async () => {
    const source = await sourceOf(el);
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
      recheckLater(el);
    }
    const candidate = answer?.candidate;
    // The overlay and everything after the click live in the page UI script, loaded now.
    if (candidate) addSetupQr(el);
    if (candidate) (await ui())?.presentCandidate(el, candidate);
    // A canvas may be drawn later; an <object>/<embed> document may load after the 3 s we wait for it
    // (seen in Firefox on a busy machine): both are looked at again.
    else if (isHtml(el, 'canvas') || isHtml(el, 'object') || isHtml(el, 'embed')) recheckLater(el);
    return answer ?? null;
  })();
  seen.set(el, { key: keyOf(el), reply });
  return tracked(reply);
}

/**
 * Looked at again, 4 times at most: a canvas that had no QR yet (drawing on it changes no attribute),
 * an <object>/<embed> whose document loaded after the 3 s we wait for it, and a capture dropped because the page changed while it was taken.
 */
function recheckLater(el: Element): void {
  const tries = retries.get(el) ?? 0;
  if (tries >= 4) return;
  retries.set(el, tries + 1);
  setTimeout(
    () => {
      seen.delete(el);
      if (el.isConnected) void consider(el);
    },
    500 * 2 ** tries,
  );
}

/** "Scan this page": every QR-shaped element, decoded (cached), reported to the background. */
async function scanPage(): Promise<{ tokens: string[]; qrs: number }> {
  // A QR waiting to be scrolled into view for its capture does not hold up the answer.
  const replies = await Promise.all(
    qrCandidates().map((el) => Promise.race([consider(el), new Promise<null>((r) => setTimeout(r, 5000, null))])),
  );
  const tokens = replies.flatMap((r) => (r?.candidate ? [r.candidate.token] : []));
  return { tokens, qrs: replies.filter((r) => r?.isQr).length };
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
let ro: ResizeObserver | undefined;

function onIntersections(entries: IntersectionObserverEntry[]): void {
  for (const { target, isIntersecting, boundingClientRect } of entries) {
    const inView = isIntersecting && target.isConnected;
    if (inView && !qrShaped(target, boundingClientRect)) {
      if (!tooSmall.has(target)) {
        tooSmall.set(target, { width: boundingClientRect.width, height: boundingClientRect.height });
        (ro ??= new ResizeObserver(onResize)).observe(target);
      }
      continue;
    }
    if (tooSmall.delete(target)) ro!.unobserve(target);
    if (inView && fresh(target)) void consider(target);
  }
}

function onResize(entries: ResizeObserverEntry[]): void {
  for (const { target, contentRect } of entries) {
    const last = tooSmall.get(target);
    if (!last || (last.width === contentRect.width && last.height === contentRect.height)) continue;
    tooSmall.set(target, { width: contentRect.width, height: contentRect.height });
    remeasure(target);
  }
}

function remeasure(el: Element): void {
  io!.unobserve(el);
  io!.observe(el);
}

/** After a change: new media get observed, visible-but-small ones measured again, drawn QRs looked at. */
function scan(): void {
  io ??= new IntersectionObserver(onIntersections, { rootMargin: '200px' });
  let added = false;
  for (const el of mediaIn(document)) {
    // Firefox's IntersectionObserver gives no report for an <embed> (issue-18 page in
    // tests/e2e/firefox/reach.test.ts): those, rare on pages, are measured here like a drawn QR.
    if (isHtml(el, 'embed') && fresh(el) && qrShaped(el)) void consider(el);
    if (observed.has(el)) continue;
    observed.add(el);
    io.observe(el);
    added = true;
  }
  // The observer reports after the next rendering step; until then the autofill waits (setup-qrs.ts).
  if (added) void tracked(new Promise((reported) => requestAnimationFrame(() => setTimeout(reported, 0))));
  for (const el of drawnQrs(document)) if (fresh(el)) void consider(el);
}
export function startEnroll(): void {
  onBackgroundMessage({
    'content/enrolled': async ({ token, outcome }) => {
      (await pageUi()).enrolled(token, outcome);
      return {};
    },
    'content/scan': scanPage,
    'content/notice': async ({ text }) => {
      (await pageUi()).notify(text);
      return {};
    },
  });
  scan();
  // A page popover opened with showPopover() changes no attribute: its toggle event (no bubbling, seen
  // in the capture phase: https://github.com/whatwg/html/issues/8888) shows that a QR inside it may now be on screen.
  document.addEventListener('toggle', scan, true);
  // An image that finishes loading (a new source too) changes no attribute: measure it again if it
  // was passed over only for loading, or was looked at with another source (load does not bubble:
  // capture it). A size that changed with the load is the ResizeObserver's.
  document.addEventListener(
    'load',
    ({ target }) => {
      if (!isHtml(target, 'img')) return;
      const last = tooSmall.get(target);
      if (last ? qrShaped(target, last) : seen.has(target) && fresh(target)) remeasure(target);
    },
    true,
  );
  onDomChange(document, scan);
}
