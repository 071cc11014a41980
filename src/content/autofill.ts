/**
 * Fill at login: find the page's one-time-code field (now or when it is rendered later), ask the
 * background for a code for this frame's own site, fill it. If the code has under 3 s left, fill it
 * and fill the next one when it rolls over, unless the user has submitted or typed meanwhile. When
 * the code cannot be filled by itself, our button in the field lets the user unlock or pick.
 */
import { fillCode, findOtpFields, inputsOf, stillOurs, watchOtpFields, type OtpTarget } from './fill';
import { pageUi } from './ui-loader';
import { submitNear } from './fill/submit';
import { sendToBackground } from '../platform/runtime-lite';
import type { CodeAnswer, FillAnswer } from '../shared/protocol';

const ROLLOVER_MS = 3000;
let removeButton: (() => void) | undefined;

/** Fields already submitted once by us: a second fill (shortcut, pick) never submits again. */
const submitted = new WeakSet<HTMLInputElement>();

/** Fills `answer` into `target`; refreshes it at rollover and submits the form if the site wants that. */
function apply(target: OtpTarget, answer: CodeAnswer, now = Date.now()): boolean {
  if (!fillCode(target, answer.code, answer.next ?? undefined)) return false;
  removeButton?.();
  const left = answer.validUntil === null ? Infinity : answer.validUntil - now;
  const next = answer.next;
  // fillCode only overwrites what we put there, so a user's own typing is never replaced.
  if (left < ROLLOVER_MS && next) setTimeout(() => fillCode(target, next), left + 50);
  const inputs = inputsOf(target);
  if (answer.submit && !submitted.has(inputs[0]!)) {
    submitted.add(inputs[0]!);
    // After the rollover refill if there is one; never if the user changed the field meanwhile.
    setTimeout(() => stillOurs(inputs) && submitNear(inputs[0]!), left < ROLLOVER_MS ? left + 150 : 100);
  }
  return true;
}

function showButton(target: OtpTarget, answer: FillAnswer): void {
  const anchor = target.kind === 'hidden-real' ? target.visual : inputsOf(target).at(target.kind === 'split' ? -1 : 0)!;
  void pageUi().then((ui) => {
    if (stillOurs(inputsOf(target))) return; // filled meanwhile
    removeButton?.();
    removeButton = ui.showFieldButton(anchor, answer.kind === 'locked', () => {
      // Automatic filling is off: the click is the request. Otherwise the popup unlocks or lets the user pick.
      if (answer.kind === 'off') void offer(target, { explicit: true });
      else void sendToBackground({ type: 'fill/choose' });
    });
  }, () => undefined);
}

async function offer(target: OtpTarget, request: { accountId?: string; explicit?: boolean } = {}): Promise<boolean> {
  const answer = await sendToBackground({ type: 'fill/request', ...request });
  if (answer.kind === 'code') return apply(target, answer);
  if (answer.kind !== 'none' && !request.accountId) showButton(target, answer);
  return false;
}

/** The user asked (popup click on an account, keyboard shortcut): fill this page's field now. */
export async function fillNow(accountId?: string): Promise<{ filled: boolean }> {
  const target = findOtpFields(document);
  if (!target) return { filled: false };
  return { filled: await offer(target, { ...(accountId ? { accountId } : {}), explicit: true }) };
}

/** The user picked an account in the popup after clicking our button: fill its code (this document only). */
export async function fillPicked(answer: CodeAnswer, origin: string): Promise<{ filled: boolean }> {
  const target = location.origin === origin ? findOtpFields(document) : null;
  return { filled: target !== null && apply(target, answer) };
}

/** Starts watching `doc`; returns a function that stops. */
export function startAutofill(doc: Document = document): () => void {
  // The watcher scans at once, then on changes. Keep watching after a fill (single-page apps render a new code field on every sign-in; each
  // input is offered once). A short debounce: mutation records already arrive batched per task, and
  // the user is waiting on this. At most 1000 scans per page.
  return watchOtpFields(
    doc,
    (target) => {
      void offer(target).catch(() => false);
      return false;
    },
    40,
    1000,
  );
}
