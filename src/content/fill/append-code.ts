/**
 * The "password and code in one field" option's page side (../append.ts finds the password field and
 * asks first): appends the current code to what the user typed when they sign in (Enter in the
 * password field, the form's submit button, the form's submit event), just before the page reads it,
 * and asks for the code again when it rolls over. Part of the on-demand page UI script
 * (../ui-loader.ts): only sites with the option on, whose first answer is a code, load it.
 */
import { fillAppended } from './fill';
import { SIGN_IN } from './submit';
import { seen } from './visible';
import { sendToBackground } from '../../platform/runtime-lite';
import type { CodeAnswer } from '../../shared/protocol';

/** Appends codes into `password` from `first` on; returns a function that stops. */
export function appendCodes(doc: Document, password: HTMLInputElement, first: CodeAnswer): () => void {
  let answer: CodeAnswer | null = first;
  let refresh: ReturnType<typeof setTimeout> | undefined;
  const later = (): void => {
    // Ask again when this code rolls over (only on sites with the option on).
    if (answer?.validUntil) refresh = setTimeout(ask, Math.max(1000, answer.validUntil - Date.now() + 100));
  };
  const ask = (): void => {
    void sendToBackground({ type: 'fill/request', append: true }).then(
      (a) => {
        answer = a.kind === 'code' ? a : null;
        later();
        // No answer (locked, extension reloaded): no refresh; the field keeps what it has.
      },
      () => undefined,
    );
  };
  const append = (e: Event): void => {
    if (!answer || !e.isTrusted || !seen(password)) return;
    // Past its period (the refresh is on its way): the server's window still takes the previous code.
    const late = answer.validUntil !== null && Date.now() > answer.validUntil - 1000;
    fillAppended(password, (late && answer.next) || answer.code);
  };
  const onKey = (e: KeyboardEvent) => e.key === 'Enter' && e.target === password && append(e);
  const onClick = (e: MouseEvent) => {
    const button = (e.target as Element).closest?.('button,input[type=submit]') as HTMLButtonElement | null;
    if (!button) return;
    const submits = password.form
      ? button.form === password.form && button.type === 'submit'
      : SIGN_IN.test(button.textContent || button.value);
    if (submits) append(e);
  };
  // A page submitting its form from script after a trusted click or key has had the code appended then.
  const onSubmit = (e: Event) => e.target === password.form && e.isTrusted && append(e);
  later();
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
