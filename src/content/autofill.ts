/**
 * Fill at login: find the page's one-time-code field (now or when it is rendered later), ask the
 * background for a code for this frame's own site, fill it. The background fills with no click only
 * where that is safe (top or same-site frame, https, see background/handlers/fill-request.ts) and only
 * for a field we saw (./fill/visible.ts); anywhere else our button in the field fills on a click. The
 * filled field is kept current for a few minutes (./fill/keep-fresh.ts): the code is asked for again
 * just after it rolls over (never early), while the field holds exactly our code and the user has not
 * typed; a user who signs in a minute later still sends a code the server takes. Our button also lets
 * the user unlock or pick when there is no one code.
 */
import { fillCode, findOtpFields, inputsOf, stillOurs, watchOtpFields, type OtpTarget } from './fill';
import { targetSeen } from './fill/visible';
import { keepFresh } from './fill/keep-fresh';
import { pickAgain, requestAgain, type AskAgain } from './fill/ask-again';
import { pageUi } from './ui-loader';
import { sendToBackground } from '../platform/runtime-lite';
import { enrollSettled, isSetupField, onSetupQr } from './enroll/setup-qrs';
import { thoroughly } from './enroll/detect';
import type { CodeAnswer, FillAnswer } from '../shared/protocol';

const ROLLOVER_MS = 3000;
/** How long a filled login field is kept current: a sign-in left for longer is the user's to redo. */
const FRESH_FOR_MS = 5 * 60 * 1000;
let removeButton: (() => void) | undefined;
/** The field our button is in. */
let buttonAnchor: Element | undefined;

// A QR found late: its setup page's confirmation field is ours to fill, no button there.
onSetupQr(() => {
  if (buttonAnchor && isSetupField(buttonAnchor)) removeButton?.();
});

const anchorOf = (target: OtpTarget): Element =>
  target.kind === 'hidden-real' ? target.visual : inputsOf(target).at(target.kind === 'split' ? -1 : 0)!;

/** Split boxes: their common parent, when it holds nothing else but them. */
function cueAnchor(target: OtpTarget): Element {
  const inputs = inputsOf(target);
  const parent = inputs[0]?.parentElement;
  return target.kind === 'split' && parent && inputs.every((i) => parent.contains(i)) ? parent : anchorOf(target);
}

/** Fields already submitted once by us: a second fill (shortcut, pick) never submits again. */
const submitted = new WeakSet<HTMLInputElement>();
/** Stops keeping a field current: a second fill of the same field starts over from its code. */
const freshness = new WeakMap<HTMLInputElement, () => void>();

/** Fills `answer` into `target`; refreshes it at rollover and submits the form if the site wants that. */
function apply(target: OtpTarget, answer: CodeAnswer, again: AskAgain, now = Date.now()): boolean {
  if (!fillCode(target, answer.code, answer.next ?? undefined)) return false;
  removeButton?.();
  // No page UI (the extension reloaded under the page): the fill stands without its cue.
  void pageUi().then(
    (ui) => ui.showFillCue(cueAnchor(target)),
    () => undefined,
  );
  const left = answer.validUntil === null ? Infinity : answer.validUntil - now;
  const inputs = inputsOf(target);
  // Asked again once the code has expired, under the same rules (each answer's grant when the user
  // asked for this fill); fillCode only overwrites what we put there, so a user's own typing is never
  // replaced.
  freshness.get(inputs[0]!)?.();
  if (answer.validUntil !== null) {
    let grant = answer.grant;
    const ask = async () => {
      const fresh = await again(grant);
      grant = fresh?.grant;
      return fresh;
    };
    freshness.set(inputs[0]!, keepFresh(target, answer.validUntil, ask, FRESH_FOR_MS));
  }
  if (answer.submit && !submitted.has(inputs[0]!)) {
    submitted.add(inputs[0]!);
    // After the rollover refill if there is one; never if the user changed the field meanwhile. The
    // submitting is in the page UI script, loaded for the cue above by then.
    setTimeout(
      () =>
        stillOurs(inputs) &&
        void pageUi().then(
          (ui) => ui.submitNear(inputs[0]!),
          () => undefined,
        ),
      left < ROLLOVER_MS ? left + 400 : 100,
    );
  }
  return true;
}

function showButton(target: OtpTarget, answer: FillAnswer): void {
  const anchor = anchorOf(target);
  // Not on a setup page's own confirmation field: wait for the page's QRs to be looked at first.
  void enrollSettled().then(
    async () => {
      if (isSetupField(anchor)) return;
      const ui = await pageUi();
      if (stillOurs(inputsOf(target)) || isSetupField(anchor)) return; // filled meanwhile
      removeButton?.();
      buttonAnchor = anchor;
      removeButton = ui.showFieldButton(anchor, answer.kind === 'locked', () => {
        // A one-time grant from the background makes the click a request the user asked for (one account
        // here, but not fillable without a click, or automatic filling off). Otherwise the popup unlocks
        // or lets the user pick.
        if ('grant' in answer) void offer(target, { grant: answer.grant }, true);
        else void sendToBackground({ type: 'fill/choose' });
      });
      // No answer (locked, extension reloaded): nothing is offered.
    },
    () => undefined,
  );
}

type Request = { accountId?: string; grant?: string };

/** `clicked`: sent from our button's click handler (a genuine, trusted click). */
async function offer(target: OtpTarget, request: Request = {}, clicked = false): Promise<boolean> {
  const consecutive = target.kind === 'consecutive';
  const answer = await sendToBackground({ type: 'fill/request', ...request, visible: targetSeen(target), consecutive });
  if (answer.kind === 'code') return apply(target, answer, requestAgain(target, request.accountId));
  // The grant may be gone (a lock between, or it expired): the click still stands, once.
  if (clicked && 'grant' in answer) return offer(target, { grant: answer.grant });
  if (answer.kind !== 'none' && !request.accountId) showButton(target, answer);
  return false;
}

/**
 * The field for a fill the user asked for: what a look at the page finds (the field our button is in,
 * if it shows one), else a thorough look, which also asks the built-in elements that hold content of
 * their own for a shadow root (enroll/detect.ts).
 */
const userLook = (): OtpTarget | null => findOtpFields(document) ?? thoroughly(() => findOtpFields(document));

/** The user asked (popup click on an account, keyboard shortcut): fill this page's field now with the tab's grant. */
export async function fillNow(grant: string, accountId?: string): Promise<{ filled: boolean }> {
  const target = userLook();
  if (!target) return { filled: false };
  return { filled: await offer(target, { ...(accountId ? { accountId } : {}), grant }) };
}

/**
 * The user picked an account in the popup after clicking our button: ask for its code with the grant
 * the background sent (it answers only this frame's document of the picked origin), and fill it.
 */
export async function fillPicked(grant: string, origin: string): Promise<{ filled: boolean }> {
  const target = location.origin === origin ? userLook() : null;
  if (!target) return { filled: false };
  // No answer (another document, the vault locked meanwhile, extension reloaded): nothing is filled.
  const answer = await sendToBackground({ type: 'fill/pick-code', grant }).catch(() => null);
  return { filled: answer !== null && apply(target, answer, pickAgain) };
}

/** Waits up to ~1 s for `target` to be seen (a step of a sign-in that slides or fades in). */
async function settle(target: OtpTarget): Promise<void> {
  for (let i = 0; i < 4 && !targetSeen(target); i++) await new Promise((done) => setTimeout(done, 250));
}

/** Starts watching `doc`; returns a function that stops. */
export function startAutofill(doc: Document = document): () => void {
  // The watcher scans at once, then on changes. Keep watching after a fill (single-page apps render a new code field on every sign-in; each
  // input is offered once). At most 1000 scans per page.
  return watchOtpFields(
    doc,
    (target) => {
      // No answer (locked, extension reloaded): the field is left to the user.
      void settle(target)
        .then(() => offer(target))
        .catch(() => false);
      return false;
    },
    1000,
  );
}
