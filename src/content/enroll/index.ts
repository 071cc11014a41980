/**
 * Enroll by clicking the QR: find QR-shaped elements (now and as the page changes), let the
 * background decode them, put the affordance on the authenticator ones, and on the user's click add
 * the account and fill the page's "enter the 6-digit code" field with the current code.
 */
import type { CandidateReply } from '../../shared/protocol';
import { onBackgroundMessage, sendToBackground } from '../../platform/runtime-lite';
import { pageUi } from '../ui-loader';
import { qrCandidates } from './detect';
import { sourceOf } from './source';

const seen = new WeakMap<Element, { key: string; reply: Promise<CandidateReply | null> }>();
const retries = new WeakMap<Element, number>();

/** An image is looked at again when its source changes (QRs regenerated on resize or "refresh"). */
const keyOf = (el: Element) => (el instanceof HTMLImageElement ? el.currentSrc || el.src : '');

function consider(el: Element): Promise<CandidateReply | null> {
  const known = seen.get(el);
  if (known && known.key === keyOf(el)) return known.reply;
  const reply = (async () => {
    const source = await sourceOf(el);
    // A capture only of what this page may read itself (capture-guard.ts); if the page changed while
    // it was taken, the answer is dropped and the next scan tries again.
    const ui = () => pageUi().catch(() => null);
    const intact = source?.kind === 'capture' ? ((await (await ui())?.guardCapture(el, source.rect)) ?? null) : () => true;
    let answer = intact && source && (await sendToBackground({ type: 'enroll/candidate', source }).catch(() => null));
    if (intact && !intact()) {
      seen.delete(el);
      answer = null;
    }
    const candidate = answer?.candidate;
    // The overlay and everything after the click live in the page UI script, loaded now.
    if (candidate) (await ui())?.presentCandidate(el, candidate);
    // A canvas may be drawn later; an <object>/<embed> document may load after the 3 s we wait for it
    // (seen in Firefox on a busy machine): both are looked at again.
    else if (el instanceof HTMLCanvasElement || el instanceof HTMLObjectElement || el instanceof HTMLEmbedElement) recheckLater(el);
    return answer ?? null;
  })();
  seen.set(el, { key: keyOf(el), reply });
  return reply;
}

/** Drawing on a canvas (or loading an embedded document) changes no attribute: an element that had no QR yet is looked at again, 4 times. */
function recheckLater(canvas: Element): void {
  const tries = retries.get(canvas) ?? 0;
  if (tries >= 4) return;
  retries.set(canvas, tries + 1);
  setTimeout(() => {
    seen.delete(canvas);
    if (canvas.isConnected) void consider(canvas);
  }, 500 * 2 ** tries);
}

/** "Scan this page": every QR-shaped element, decoded (cached), reported to the background. */
async function scanPage(): Promise<{ tokens: string[]; qrs: number }> {
  // A QR waiting to be scrolled into view for its capture does not hold up the answer.
  const replies = await Promise.all(qrCandidates().map((el) => Promise.race([consider(el), new Promise<null>((r) => setTimeout(r, 5000, null))])));
  const tokens = replies.flatMap((r) => (r?.candidate ? [r.candidate.token] : []));
  return { tokens, qrs: replies.filter((r) => r?.isQr).length };
}

/** One element per macrotask, so a page with hundreds of square images never sees a long task. */
async function scan(): Promise<void> {
  for (const el of qrCandidates()) {
    void consider(el);
    await new Promise((next) => setTimeout(next, 0));
  }
  for (const img of document.images) if (!img.complete) img.addEventListener('load', schedule, { once: true });
}

let timer: ReturnType<typeof setTimeout> | undefined;
function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void scan(), 150);
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
  void scan();
  // A page popover opened with showPopover() changes no attribute: its toggle event (no bubbling, seen
  // in the capture phase) shows that a QR inside it may now be on screen.
  document.addEventListener('toggle', schedule, true);
  new MutationObserver(schedule).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'style', 'class', 'hidden', 'open'] });
}
