/**
 * Enroll by clicking the QR: find QR-shaped elements (now and as the page changes), let the
 * background decode them, put the affordance on the authenticator ones, and on the user's click add
 * the account and fill the page's "enter the 6-digit code" field with the current code.
 */
import type { Candidate, CandidateReply, EnrollOutcome } from '../../shared/protocol';
import { message, onBackgroundMessage, sendToBackground } from '../../platform/runtime-lite';
import { fillCode, findOtpFields } from '../fill';
import { qrCandidates } from './detect';
import { sourceOf } from './source';
import { guardCapture } from './capture-guard';
import { showNotice, showOverlay, type Overlay } from './overlay';
import { watchForBackupCodes } from './backup-codes';

const seen = new WeakMap<Element, { key: string; reply: Promise<CandidateReply | null> }>();
const retries = new WeakMap<Element, number>();
const byToken = new Map<string, { el: Element; overlay: Overlay }>();

/** An image is looked at again when its source changes (QRs regenerated on resize or "refresh"). */
const keyOf = (el: Element) => (el instanceof HTMLImageElement ? el.currentSrc || el.src : '');

function consider(el: Element): Promise<CandidateReply | null> {
  const known = seen.get(el);
  if (known && known.key === keyOf(el)) return known.reply;
  const reply = (async () => {
    const source = await sourceOf(el);
    // A capture only of what this page may read itself (capture-guard.ts); if the page changed while
    // it was taken, the answer is dropped and the next scan tries again.
    const intact = source?.kind == 'capture' ? guardCapture(el, source.rect) : () => true;
    let answer = intact && source && (await sendToBackground({ type: 'enroll/candidate', source }).catch(() => null));
    if (intact && !intact()) {
      seen.delete(el);
      answer = null;
    }
    const candidate = answer?.candidate;
    if (candidate) {
      const overlay = showOverlay(el, labelFor(candidate), () => void confirm(candidate.token));
      byToken.set(candidate.token, { el, overlay });
    } else if (el instanceof HTMLCanvasElement) recheckLater(el);
    return answer ?? null;
  })();
  seen.set(el, { key: keyOf(el), reply });
  return reply;
}

/** Drawing on a canvas changes no attribute: a canvas that had no QR yet is looked at again, 4 times. */
function recheckLater(canvas: HTMLCanvasElement): void {
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

function labelFor(c: Candidate): string {
  const what = c.count > 1 ? message('enrollAddMany', [String(c.count)]) : message('enrollAdd');
  return c.batchSize > 1 ? `${what} · ${message('enrollBatch', [String(c.batchIndex + 1), String(c.batchSize)])}` : what;
}

async function confirm(token: string): Promise<void> {
  const outcome = await sendToBackground({ type: 'enroll/confirm', token }).catch(() => null);
  if (outcome) done(token, outcome);
}

function done(token: string, outcome: EnrollOutcome): void {
  const found = byToken.get(token);
  if (!found) return;
  if (outcome.kind === 'locked') return found.overlay.toast(message('enrollLocked'));
  const name = outcome.issuer || outcome.account;
  if (outcome.count === 0) found.overlay.toast(message('enrollDuplicate', [name]));
  else found.overlay.toast(message('enrollAdded', [name]), () => void sendToBackground({ type: 'enroll/undo', token }).then(() => found.overlay.toast(message('enrollUndone'))));
  if (outcome.code) fillConfirmation(found.el, outcome.code);
  if (outcome.count === 1) watchForBackupCodes((codes) => offerBackupCodes(token, name, codes));
}

function offerBackupCodes(token: string, name: string, codes: string[]): void {
  const notice = showNotice(message('enrollBackupOffer', [String(codes.length), name]), message('save'), () => {
    void sendToBackground({ type: 'enroll/backup-codes', token, codes }).then(
      () => notice.done(message('enrollBackupSaved', [String(codes.length)])),
      () => notice.done(message('errorGeneric')),
    );
  });
}

/** The setup page's confirmation field: in the QR's form or dialog, else the nearest block that has one. */
function fillConfirmation(qr: Element, code: string): void {
  // Up through shadow roots too: a QR inside a web component, the field outside it.
  const up = (el: Element) => el.parentElement ?? (el.getRootNode() as ShadowRoot).host;
  for (let box: Element | null = qr.closest('form, dialog, [role=dialog], [aria-modal=true]') ?? up(qr); box; box = up(box)) {
    const target = findOtpFields(box as unknown as Document) ?? fallbackField(box);
    if (target) {
      fillCode(target, code);
      return;
    }
  }
}

/** Confirmation fields are often plain: a short numeric-looking text input with autocomplete=off. */
function fallbackField(box: Element) {
  const input = [...box.querySelectorAll<HTMLInputElement>('input:not([type]), input[type=text], input[type=tel], input[type=number]')].find(
    (i) => !i.disabled && !i.readOnly && (i.inputMode === 'numeric' || (i.maxLength >= 6 && i.maxLength <= 8)),
  );
  return input ? ({ kind: 'single', input } as const) : null;
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
      done(token, outcome);
      return {};
    },
    'content/scan': scanPage,
    'content/notice': async ({ text }) => {
      showNotice(text, '', () => undefined).done(text);
      return {};
    },
  });
  void scan();
  new MutationObserver(schedule).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'style', 'class', 'hidden', 'open'] });
}
