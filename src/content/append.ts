/**
 * The per-site "password and code in one field" option (some webmail and VPN logins want
 * `password123456`). Only when the background says this frame's site has exactly one account with
 * the option on: when the user signs in (Enter in the password field, the form's submit button, the
 * form's submit event), the current code is appended to what the user typed, just before the page
 * reads it. The code is asked for again when it rolls over, so it is fresh whenever the user submits
 * (the background never gives the next code early). Only into a password field the user can see.
 */
import { sendToBackground } from '../platform/runtime-lite';
import { onDomChange } from './dom-changes';
import { pageUi } from './ui-loader';

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

/**
 * Asks once whether this frame's site wants its code appended; only then the page UI script is loaded
 * and does the appending (fill/append-code.ts).
 */
function attach(doc: Document, password: HTMLInputElement): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  void sendToBackground({ type: 'fill/request', append: true })
    .then(async (answer) => {
      if (answer.kind !== 'code') return;
      const ui = await pageUi();
      if (!stopped) stop = ui.appendCodes(doc, password, answer);
    })
    // No answer or no page UI (locked, extension reloaded): the field keeps what the user typed.
    .catch(() => undefined);
  return () => {
    stopped = true;
    stop?.();
  };
}
