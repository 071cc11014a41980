/**
 * The per-site "password and code in one field" option (some webmail and VPN logins want
 * `password123456`). Only when the background says this frame's site has exactly one account with
 * the option on: when the user signs in (Enter in the password field, the form's submit button, the
 * form's submit event), the current code is appended to what the user typed, just before the page
 * reads it. The code is asked for again when it rolls over, so it is fresh whenever the user submits
 * (the background never gives the next code early). Only into a password field the user can see.
 */
import { SIGN_IN } from './fill/submit';
import { seen } from './fill/visible';
import { sendToBackground } from '../platform/runtime-lite';
import { onDomChange } from './dom-changes';
import { pageUi, type PageUi } from './ui-loader';
import type { CodeAnswer } from '../shared/protocol';

const shownPassword = (doc: Document) =>
  [...doc.querySelectorAll<HTMLInputElement>('input[type=password]')].find((i) => i.getClientRects().length);

/** Watches `doc` for a password field (now or rendered later); returns a function that stops. */
export function startAppend(doc: Document = document): () => void {
  const found = shownPassword(doc);
  if (found) return attach(doc, found);
  let scans = 100;
  let stop = onDomChange(doc, () => {
    const late = shownPassword(doc);
    if (late || --scans <= 0) stop();
    if (late) stop = attach(doc, late);
  });
  return () => stop();
}

function attach(doc: Document, password: HTMLInputElement): () => void {
  let answer: CodeAnswer | null = null;
  /** The page UI script, which does the appending (fill/fill.ts): loaded only where there is a code to append. */
  let ui: PageUi | undefined;
  let refresh: ReturnType<typeof setTimeout> | undefined;
  const ask = (): void => {
    void sendToBackground({ type: 'fill/request', append: true })
      .then(async (a) => {
        if (a.kind === 'code') ui = await pageUi();
        answer = a.kind === 'code' ? a : null;
        // Ask again when this code rolls over (only on sites with the option on).
        if (answer?.validUntil) refresh = setTimeout(ask, Math.max(1000, answer.validUntil - Date.now() + 100));
      })
      // No answer or no page UI (locked, extension reloaded): no refresh; the field keeps what it has.
      .catch(() => undefined);
  };
  const append = (e: Event): void => {
    if (!answer || !ui || !e.isTrusted || !seen(password)) return;
    // Past its period (the refresh is on its way): the server's window still takes the previous code.
    const late = answer.validUntil !== null && Date.now() > answer.validUntil - 1000;
    ui.fillAppended(password, (late && answer.next) || answer.code);
  };
  const onKey = (e: KeyboardEvent) => e.key === 'Enter' && e.target === password && append(e);
  const onClick = (e: MouseEvent) => {
    const button = (e.target as Element).closest?.('button,input[type=submit]') as HTMLButtonElement | null;
    if (!button) return;
    const submits = password.form ? button.form === password.form && button.type === 'submit' : SIGN_IN.test(button.textContent || button.value);
    if (submits) append(e);
  };
  // A page submitting its form from script after a trusted click or key has had the code appended then.
  const onSubmit = (e: Event) => e.target === password.form && e.isTrusted && append(e);
  ask();
  // Capture phase on the document: before the page's own submit, key and click handlers read the field.
  doc.addEventListener('keydown', onKey, true);
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('submit', onSubmit, true);
  return () => {
    clearTimeout(refresh);
    doc.removeEventListener('keydown', onKey, true);
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('submit', onSubmit, true);
  };
}
