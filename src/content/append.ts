/**
 * The per-site "password and code in one field" option (some webmail and VPN logins want
 * `password123456`). Only when the background says this frame's site has exactly one account with
 * the option on: when the user signs in (Enter in the password field, the form's submit button, the
 * form's submit event), the current code is appended to what the user typed, just before the page
 * reads it. Asked again while the user types, so the code is fresh.
 */
import { fillAppended } from './fill';
import { sendToBackground } from '../platform/runtime-lite';
import type { CodeAnswer } from '../shared/protocol';

const SIGN_IN = /log ?in|sign ?in|continue|submit|next|anmelden|weiter|entrar|connexion|accedi|登录|ログイン/i;

export function startAppend(doc: Document = document): void {
  const password = [...doc.querySelectorAll<HTMLInputElement>('input[type=password]')].find((i) => i.getClientRects().length);
  if (!password) return;
  let answer: CodeAnswer | null = null;
  let asked = 0;
  const refresh = (): void => {
    if (Date.now() - asked < 5000) return;
    asked = Date.now();
    void sendToBackground({ type: 'fill/request', append: true }).then((a) => (answer = a.kind === 'code' ? a : null), () => undefined);
  };
  const append = (): void => {
    if (!answer) return;
    const late = answer.validUntil !== null && Date.now() > answer.validUntil - 1000;
    const code = late ? answer.next : answer.code;
    if (code) fillAppended(password, code);
  };
  refresh();
  password.addEventListener('focus', refresh);
  password.addEventListener('input', refresh);
  password.addEventListener('keydown', (e) => e.key === 'Enter' && append(), true);
  // Capture phase on the document: before the page's own submit and click handlers read the field.
  doc.addEventListener('submit', (e) => e.target === password.form && append(), true);
  doc.addEventListener(
    'click',
    (e) => {
      const button = (e.target as Element).closest?.('button,input[type=submit]') as HTMLButtonElement | null;
      if (!button) return;
      const submits = password.form ? button.form === password.form && button.type === 'submit' : SIGN_IN.test(button.textContent || button.value);
      if (submits) append();
    },
    true,
  );
}
