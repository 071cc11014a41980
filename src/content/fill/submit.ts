/**
 * Auto-submit (a per-site option, off by default): after the code is filled and read back, press the
 * form's submit button the way a click would (sites listen for the click or for `submit`). Without a
 * form, only a container's single button, and only one that says it signs in or verifies; anything
 * less certain ("Resend code", "Cancel") is left to the user.
 */
const SUBMIT = 'button[type=submit],input[type=submit],button:not([type])';

/** Words of a button that sends a login or a code (English and the locales of the field hints). */
export const SIGN_IN =
  /log ?in|sign ?in|continue|submit|next|verify|confirm|anmelden|weiter|best[äa]tigen|entrar|verificar|connexion|v[ée]rifier|accedi|verifica|登录|验证|ログイン|確認|로그인|확인/i;

export function submitNear(input: HTMLInputElement): boolean {
  const form = input.form;
  if (form) {
    const button = form.querySelector<HTMLElement>(SUBMIT);
    if (button) button.click();
    else form.requestSubmit();
    return true;
  }
  for (let el = input.parentElement; el && el !== document.body; el = el.parentElement) {
    const buttons = el.querySelectorAll<HTMLElement>('button,input[type=submit],[role=button]');
    const only = buttons.length === 1 ? buttons[0]! : null;
    const sends =
      only &&
      (only.matches('[type=submit]') || SIGN_IN.test(only.textContent || (only as HTMLInputElement).value || ''));
    if (sends) only.click();
    if (buttons.length) return !!sends;
  }
  return false;
}
