/**
 * Auto-submit (a per-site option, off by default): after the code is filled and read back, press the
 * form's submit button the way a click would (sites listen for the click or for `submit`). Without a
 * form, only a container's single button is pressed; anything less certain is left to the user.
 */
const SUBMIT = 'button[type=submit],input[type=submit],button:not([type])';

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
    if (buttons.length === 1) buttons[0]!.click();
    if (buttons.length) return buttons.length === 1;
  }
  return false;
}
