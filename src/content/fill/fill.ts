/**
 * Writes a code into the classified target the way a user would, so that framework-controlled inputs
 * (React, Vue, Angular) accept it, then reads it back. It never replaces text it did not write.
 */
import type { OtpTarget } from './classify';

/** What we last wrote to each field: a field holding anything else belongs to the user. */
const ours = new WeakMap<HTMLInputElement, string>();
/** For the "password + code" option: the code we appended last time, to replace on a refill. */
const appended = new WeakMap<HTMLInputElement, string>();

// React tracks `value` with an own-property setter on each node and ignores `input` events when that
// tracker already holds the new value; the prototype's setter bypasses it (facebook/react#10135).
const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;

/** Every input still holds exactly what we wrote (the user has not changed it). */
export const stillOurs = (inputs: HTMLInputElement[]): boolean => inputs.every((i) => i.value !== '' && i.value === ours.get(i));
const free = (i: HTMLInputElement): boolean => i.value === '' || i.value === ours.get(i);
const digits = (s: string): string => s.replace(/[\s-]/g, '');
const key = (i: HTMLInputElement, type: string, k: string): boolean =>
  i.dispatchEvent(new KeyboardEvent(type, { key: k, code: /\d/.test(k) ? `Digit${k}` : '', bubbles: true, cancelable: true, composed: true }));

/** Sets `value` through the native setter with the events a keyboard would cause; true if it stuck. */
function put(input: HTMLInputElement, value: string, typed?: string): boolean {
  input.focus(); // some widgets only accept input into the focused box
  // Native `input`, key and paste events are composed: they reach listeners outside a shadow root.
  if (typed) key(input, 'keydown', typed);
  if (setValue) setValue.call(input, value);
  else input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: typed ?? value }));
  if (typed) key(input, 'keyup', typed);
  input.dispatchEvent(new Event('change', { bubbles: true }));
  ours.set(input, input.value);
  return digits(input.value) === digits(value);
}

const joined = (inputs: HTMLInputElement[]): string => inputs.map((i) => i.value).join('');

function fillSplit(inputs: HTMLInputElement[], code: string): boolean {
  const first = inputs[0];
  if (!first || inputs.length !== code.length || !inputs.every(free)) return false;
  // Widgets that spread a pasted code over their boxes do it in one go (and some only that way).
  try {
    const data = new DataTransfer();
    data.setData('text/plain', code);
    first.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
  } catch {
    // No DataTransfer constructor (older engines): the box-by-box fill below still runs.
  }
  inputs.forEach((box, i) => {
    const c = code[i] ?? '';
    if (box.value === c) ours.set(box, c);
    else put(box, c, c);
  });
  return joined(inputs) === code;
}

/**
 * Fills `code` into `target`; for a `consecutive` target `next` is the following period's code.
 * Returns false, leaving the page alone, when a field holds text the user typed, and false when
 * the page rejected the value (it did not read back).
 */
export function fillCode(target: OtpTarget, code: string, next?: string): boolean {
  switch (target.kind) {
    case 'split':
      return fillSplit(target.inputs, code);
    case 'consecutive': {
      const [a, b] = target.inputs;
      return next !== undefined && free(a) && free(b) && put(a, code) && put(b, next);
    }
    default:
      return free(target.input) && put(target.input, code);
  }
}

/**
 * The per-site "password and code in one field" option: appends `code` to the password the user
 * typed (replacing a code we appended before). False when there is no password to append to.
 */
export function fillAppended(passwordInput: HTMLInputElement, code: string): boolean {
  const last = appended.get(passwordInput);
  let password = passwordInput.value;
  if (last !== undefined && password === ours.get(passwordInput)) password = password.slice(0, -last.length);
  if (!password) return false;
  appended.set(passwordInput, code);
  return put(passwordInput, password + code) && passwordInput.value === password + code;
}
