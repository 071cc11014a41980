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
// Looked up on the first write, not when the script loads: reading `HTMLInputElement` builds that
// interface in our isolated world (~0.25 ms, issue 16's CPU benchmark), which a page without a code
// field never needs (the look at the page leaves its search box alone: classify.ts).
let setValue: ((this: HTMLInputElement, v: string) => void) | undefined | null;

/** Every input still holds exactly what we wrote (the user has not changed it). */
export const stillOurs = (inputs: HTMLInputElement[]): boolean =>
  inputs.every((i) => i.value !== '' && i.value === ours.get(i));
const free = (i: HTMLInputElement): boolean => i.value === '' || i.value === ours.get(i);
const digits = (s: string): string => s.replace(/[\s-]/g, '');
// Legacy handlers read keyCode/charCode/which (Chromium takes them in the init dictionary):
// https://developer.mozilla.org/docs/Web/API/KeyboardEvent/keyCode
const key = (i: HTMLInputElement, type: string, k: string): boolean => {
  const code = type === 'keypress' ? k.charCodeAt(0) : k.toUpperCase().charCodeAt(0);
  const init = {
    key: k,
    code: /\d/.test(k) ? `Digit${k}` : '',
    keyCode: code,
    which: code,
    charCode: type === 'keypress' ? code : 0,
  };
  return i.dispatchEvent(new KeyboardEvent(type, { ...init, bubbles: true, cancelable: true, composed: true }));
};
const inputEvent = (i: HTMLInputElement, type: string, inputType: string, data: string | null): boolean =>
  i.dispatchEvent(
    new InputEvent(type, { bubbles: true, cancelable: type === 'beforeinput', composed: true, inputType, data }),
  );

/**
 * Sets `value` the way typing it would (issue 18: some sites enable "Verify", or read the code, only
 * on key events): what differs from the field's text is deleted, then each character gets keydown,
 * keypress, beforeinput, the value change, input and keyup, in the order browsers fire them; a handler
 * that cancels a key (it inserts the digit itself, as masked inputs do) is obeyed. If the page did not
 * end up with the value, it is set at once. Then `change`. True if the value stuck.
 */
function put(input: HTMLInputElement, value: string): boolean {
  input.focus(); // some widgets only accept input into the focused box
  setValue ??= Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set ?? null;
  const set = (v: string): void => (setValue ? setValue.call(input, v) : void (input.value = v));
  // Native key, input and paste events are composed: they reach listeners outside a shadow root.
  let same = 0;
  while (same < input.value.length && input.value[same] === value[same]) same++;
  if (same < input.value.length) {
    set(input.value.slice(0, same));
    inputEvent(input, 'input', 'deleteContentBackward', null);
  }
  for (const ch of value.slice(same)) {
    if (key(input, 'keydown', ch) && key(input, 'keypress', ch) && inputEvent(input, 'beforeinput', 'insertText', ch)) {
      set(input.value + ch);
      inputEvent(input, 'input', 'insertText', ch);
    }
    key(input, 'keyup', ch);
  }
  if (digits(input.value) !== digits(value)) {
    set(value);
    inputEvent(input, 'input', 'insertText', value);
  }
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
    first.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }),
    );
  } catch {
    // No DataTransfer constructor (older engines): the box-by-box fill below still runs.
    // https://developer.mozilla.org/docs/Web/API/DataTransfer/DataTransfer#browser_compatibility
  }
  inputs.forEach((box, i) => {
    const c = code[i] ?? '';
    if (box.value === c) ours.set(box, c);
    else put(box, c);
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
