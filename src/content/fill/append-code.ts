/**
 * The "password and code in one field" option's page side (../append.ts finds the password field and
 * asks first): appends the current code to what the user typed when they sign in (Enter in the
 * password field, the form's submit button, the form's submit event), just before the page reads it,
 * and asks for the code again when it rolls over. Part of the on-demand page UI script
 * (../ui-loader.ts): only sites with the option on, whose first answer is a code, load it.
 *
 * The refresh is a timer aimed at `validUntil`, a wall-clock time; browser timers stop while the
 * computer sleeps and the wall clock can jump forward, so it can fire late. A code known to be expired
 * at the sign-in is never appended: the sign-in is held, the code asked for, appended, and the sign-in
 * made again. The code is also asked for again when the page comes back (tab shown, window focused).
 */
import { fillAppended } from './fill';
import { SIGN_IN, submitNear } from './submit';
import { seen } from './visible';
import { sendToBackground } from '../../platform/runtime-lite';
import type { CodeAnswer } from '../../shared/protocol';

/** Past its period (by `slack` ms). */
const expired = (answer: CodeAnswer, slack = 0): boolean =>
  answer.validUntil !== null && Date.now() >= answer.validUntil + slack;
/** A fresh answer that arrived just after its rollover: the server's window still takes it. */
const ARRIVAL_SLACK_MS = 1000;

/** Appends codes into `password` from `first` on; returns a function that stops. */
export function appendCodes(doc: Document, password: HTMLInputElement, first: CodeAnswer): () => void {
  let answer: CodeAnswer | null = first;
  let refresh: ReturnType<typeof setTimeout> | undefined;
  /** The answer on its way, if one was asked for. */
  let asking: Promise<void> | null = null;
  /** A sign-in held for a fresh code: a second one meanwhile is swallowed (one sign-in is made). */
  let holding = false;
  /** Our own sign-in after a hold: passes untouched (its code was appended just before). */
  let replaying = false;
  const later = (): void => {
    // Ask again when this code rolls over (only on sites with the option on).
    clearTimeout(refresh);
    if (answer?.validUntil) refresh = setTimeout(ask, Math.max(1000, answer.validUntil - Date.now() + 100));
  };
  const ask = (): Promise<void> =>
    (asking ??= sendToBackground({ type: 'fill/request', append: true })
      .then(
        (a) => {
          answer = a.kind === 'code' ? a : null;
          later();
          // No answer (locked, extension reloaded): no refresh; nothing more is appended.
        },
        () => undefined, // no answer (extension reloaded): the next sign-in asks again if the code expired
      )
      .finally(() => (asking = null)));
  const append = (e: Event, again: () => void): void => {
    if (replaying || !answer || !e.isTrusted || !seen(password)) return;
    if (!holding && !expired(answer)) {
      // In its last second (the refresh is on its way): the server's window still takes it.
      fillAppended(password, answer.code);
      return;
    }
    // Expired (the computer slept, the clock jumped): the page must not see this sign-in yet.
    e.preventDefault();
    e.stopImmediatePropagation();
    if (holding) return;
    holding = true;
    void ask().then(() => {
      holding = false;
      // No fresh code (locked, extension reloaded): the sign-in goes as the user typed it, rather than
      // with a code known to be expired (and rather than never: the user's Enter must do something).
      if (answer && !expired(answer, ARRIVAL_SLACK_MS)) fillAppended(password, answer.code);
      replaying = true;
      try {
        again();
      } finally {
        replaying = false;
      }
    });
  };
  const onKey = (e: KeyboardEvent) =>
    e.key === 'Enter' &&
    e.target === password &&
    append(e, () => {
      // The Enter again for the page's own key handlers; the browser's own part of it (a form's
      // implicit submission: a click on its default button) only if no handler cancelled it.
      const key = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 };
      const init = { ...key, bubbles: true, cancelable: true, composed: true };
      if (password.dispatchEvent(new KeyboardEvent('keydown', init)) && password.form) submitNear(password);
    });
  const onClick = (e: MouseEvent) => {
    const button = (e.target as Element).closest?.('button,input[type=submit]') as HTMLButtonElement | null;
    if (!button) return;
    const submits = password.form
      ? button.form === password.form && button.type === 'submit'
      : SIGN_IN.test(button.textContent || button.value);
    if (submits) append(e, () => button.click());
  };
  // A page submitting its form from script after a trusted click or key has had the code appended then.
  const onSubmit = (e: SubmitEvent) =>
    e.target === password.form &&
    e.isTrusted &&
    append(e, () => password.form?.requestSubmit(e.submitter?.isConnected ? e.submitter : undefined));
  // Back from a sleep or another tab: the code is asked for again before the user signs in.
  const onBack = () => {
    if (doc.visibilityState !== 'hidden' && answer && expired(answer)) void ask();
  };
  later();
  // Capture phase on the document: before the page's own submit, key and click handlers read the field.
  doc.addEventListener('keydown', onKey, true);
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('submit', onSubmit, true);
  doc.addEventListener('visibilitychange', onBack);
  doc.defaultView?.addEventListener('pageshow', onBack);
  doc.defaultView?.addEventListener('focus', onBack);
  return () => {
    clearTimeout(refresh);
    doc.removeEventListener('keydown', onKey, true);
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('submit', onSubmit, true);
    doc.removeEventListener('visibilitychange', onBack);
    doc.defaultView?.removeEventListener('pageshow', onBack);
    doc.defaultView?.removeEventListener('focus', onBack);
  };
}
