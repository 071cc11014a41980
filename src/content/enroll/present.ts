/**
 * The page side of enrolling, once the background found an authenticator QR (part of the page UI
 * script, see ../ui-loader.ts): the "Add to Authenticator" overlay, the user's click, the toast with
 * Undo, the confirmation field filled with the first code, and the offer to save backup codes.
 */
import type { Candidate, EnrollOutcome } from '../../shared/protocol';
import { message, sendToBackground } from '../../platform/runtime-lite';
import { errorText } from '../../shared/error-text';
import { fillCode, findOtpFields } from '../fill';
import { thoroughly } from './detect';
import type { OtpTarget } from '../fill/classify';
import { showOverlay, type Overlay } from './overlay';
import { showNotice } from './notice';
import { watchForBackupCodes } from './backup-codes';
import { keepFresh } from './rollover';
import { changed, imageShowing, showing, shownAtRead } from './shows';

interface Shown {
  el: Element;
  overlay: Overlay;
  /** What `el` showed when it was read (shows.ts). */
  shows: string;
  reread: () => void;
  /** The user clicked it: its toast, question or "unlock first" stay until the page removes the QR. */
  acted: boolean;
}
const byToken = new Map<string, Shown>();
/** The token of the overlay each QR element has (one at a time). */
const byEl = new WeakMap<Element, string>();

/**
 * Puts the overlay on `el`, the QR the background decoded as `candidate` (in place of an overlay `el`
 * had for a QR it showed before, unless the user clicked that one). `reread` reads `el` again: the
 * click calls it instead of adding when the page has drawn another QR there since this one was read.
 * `readSrc`: an image's source when it was read (an image is not always drawn to be read).
 */
export function presentCandidate(
  el: Element,
  candidate: Candidate,
  reread: () => void = () => undefined,
  readSrc?: string,
): void {
  withdraw(el);
  const overlay = showOverlay(el, labelFor(candidate), () => void confirm(candidate.token));
  const shows = readSrc !== undefined ? imageShowing(readSrc) : (shownAtRead(el) ?? showing(el));
  byToken.set(candidate.token, { el, overlay, shows, reread, acted: false });
  byEl.set(el, candidate.token);
}

/**
 * `el` no longer shows the key its overlay was for (a new source that is no key, or another key): the
 * overlay goes, unless the user has clicked it (the answer to that click still comes to it).
 */
export function withdraw(el: Element): void {
  const token = byEl.get(el);
  const shown = shownOn(el);
  if (token === undefined || !shown || shown.acted) return;
  byEl.delete(el);
  shown.overlay.remove();
  byToken.delete(token);
}

/** Whether `el` shows something else than when its overlay's QR was read ("Scan this page" reads it again). */
export function stale(el: Element): boolean {
  const shown = shownOn(el);
  return !!shown && changed(shown.shows, showing(el));
}

/** The overlay `el` has, if any. */
function shownOn(el: Element): Shown | undefined {
  const token = byEl.get(el);
  return token === undefined ? undefined : byToken.get(token);
}

function labelFor(c: Candidate): string {
  // A captured QR opens the popup, which asks: the label says so ("…").
  const what =
    c.count > 1 ? message('enrollAddMany', [String(c.count)]) : message(c.asks ? 'enrollAddAsk' : 'enrollAdd');
  return c.batchSize > 1
    ? `${what} · ${message('enrollBatch', [String(c.batchIndex + 1), String(c.batchSize)])}`
    : what;
}

async function confirm(token: string): Promise<void> {
  const found = byToken.get(token);
  if (found && !found.acted && changed(found.shows, showing(found.el))) {
    // The page drew another QR there (or none) since this one was read: its key is not what the user
    // sees. The overlay goes and the element is read again (a new overlay if it shows a key).
    withdraw(found.el);
    return found.reread();
  }
  if (found) found.acted = true;
  // No answer (extension reloaded): the click does nothing; the page keeps its button. Refused because
  // this page has added several keys already (background enroll/confirm-limits.ts): the toast says so.
  const outcome = await sendToBackground({ type: 'enroll/confirm', token }).catch((error: unknown) => {
    if (found && (error as { code?: unknown } | null)?.code === 'enroll/too-many')
      found.overlay.toast(message('error_enroll_too_many'));
    return null;
  });
  if (outcome) enrolled(token, outcome);
}

/** The enrollment finished (at once, or after an unlock: then the background tells us). */
export function enrolled(token: string, outcome: EnrollOutcome): void {
  const found = byToken.get(token);
  if (!found) return;
  // Says how to unlock: the toolbar button opens the popup, which asks for the password.
  if (outcome.kind === 'locked')
    return found.overlay.toast(message(outcome.setup ? 'enrollSetupHow' : 'enrollLockedHow'));
  if (outcome.kind === 'asked') return found.overlay.toast(message('enrollAsked'));
  const name = outcome.issuer || outcome.account;
  if (outcome.kind === 'reenroll') return askReplace(token, name, found.overlay);
  // Asked in the page, or in the popup (a framed QR: the answer comes with the outcome).
  const answer = answered.get(token) ?? outcome.reenrolled;
  answered.delete(token);
  // No name: a QR read from a screenshot, whose names the page is not told (background capture-ask.ts).
  const added = answer
    ? message(answer === 'replace' ? 'enrollReplaced' : 'enrollKeptBoth', [name])
    : name
      ? message(outcome.bound ? 'enrollAdded' : 'enrollAddedUnbound', [name])
      : message(outcome.bound ? 'enrollAddedNameless' : 'enrollAddedUnboundNameless');
  if (outcome.count === 0)
    found.overlay.toast(name ? message('enrollDuplicate', [name]) : message('enrollDuplicateNameless'));
  else {
    const undone = message(answer === 'replace' ? 'enrollReplaceUndone' : 'enrollUndone');
    // Not undone (the vault locked meanwhile, storage full): the toast says why and keeps Undo.
    const undo = (): void =>
      void sendToBackground({ type: 'enroll/undo', token }).then(
        () => found.overlay.toast(undone),
        (error: unknown) =>
          found.overlay.toast(
            errorText((key) => message(key), error),
            undo,
          ),
      );
    found.overlay.toast(added, undo, true);
  }
  const target = outcome.code ? fillConfirmation(found.el, outcome.code, outcome.stale) : null;
  if (target && outcome.validUntil !== null) keepFresh(token, target, outcome.validUntil);
  // No name: a QR read from a screenshot, which may be another site's; the page's codes are not for it.
  if (outcome.count === 1 && name) watchForBackupCodes((codes) => offerBackupCodes(token, name, codes));
}

/** The user's answer to "Replace the old one?", for the toast that follows it. */
const answered = new Map<string, 'replace' | 'keep'>();

/**
 * A new key for an account already bound to this site (issue 13): ask before adding. "Replace" puts
 * the old one in the trash (Undo in the next toast brings it back); "Keep both" keeps both, and the
 * site then asks which one to use until one is removed.
 */
function askReplace(token: string, name: string, overlay: Overlay): void {
  const answer = (choice: 'replace' | 'keep') => {
    answered.set(token, choice);
    void sendToBackground({ type: 'enroll/reenroll', token, choice }).then(
      (outcome) => enrolled(token, outcome),
      // Not answered (locked, token expired, extension reloaded): the toast says so.
      () => overlay.toast(message('errorGeneric')),
    );
  };
  overlay.ask(message('enrollReplaceAsk', [name]), [
    [message('enrollReplace'), () => answer('replace')],
    [message('enrollKeepBoth'), () => answer('keep')],
  ]);
}

function offerBackupCodes(token: string, name: string, codes: string[]): void {
  const notice = showNotice(message('enrollBackupOffer', [String(codes.length), name]), message('save'), () => {
    void sendToBackground({ type: 'enroll/backup-codes', token, codes }).then(
      () => notice.done(message('enrollBackupSaved', [String(codes.length)])),
      // Not saved (locked, extension reloaded): the notice says so.
      () => notice.done(message('errorGeneric')),
    );
  });
}

/** The setup page's confirmation field: in the QR's form or dialog, else the nearest block that has one. */
function fillConfirmation(qr: Element, code: string, stale: string[] = []): OtpTarget | null {
  // Up through shadow roots too: a QR inside a web component, the field outside it.
  const up = (el: Element) => el.parentElement ?? (el.getRootNode() as ShadowRoot).host;
  for (
    let box: Element | null = qr.closest('form, dialog, [role=dialog], [aria-modal=true]') ?? up(qr);
    box;
    box = up(box)
  ) {
    // Thorough: the user clicked the QR (and setup-qrs.ts's isSetupField looks the same way).
    const target = thoroughly(() => findOtpFields(box as unknown as Document)) ?? fallbackField(box);
    if (target?.kind === 'single' && stale.includes(target.input.value)) clear(target.input);
    if (target) return fillCode(target, code) ? target : null;
  }
  return null;
}

/** Empties a field that holds a replaced key's code (the autofill's, not the user's), as a user deleting it would. */
function clear(input: HTMLInputElement): void {
  const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  if (set) set.call(input, '');
  else input.value = '';
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContentBackward' }));
}

/** Confirmation fields are often plain: a short numeric-looking text input with autocomplete=off. */
function fallbackField(box: Element) {
  const input = [
    ...box.querySelectorAll<HTMLInputElement>(
      'input:not([type]), input[type=text], input[type=tel], input[type=number]',
    ),
  ].find((i) => !i.disabled && !i.readOnly && (i.inputMode === 'numeric' || (i.maxLength >= 6 && i.maxLength <= 8)));
  return input ? ({ kind: 'single', input } as const) : null;
}

/** A short message on the page (e.g. the result of "Add this key" from the context menu). */
export function notify(text: string): void {
  showNotice(text, '', () => undefined).done(text);
}
