import { beforeEach, describe, expect, it } from 'vitest';
import { fillAppended, fillCode, findOtpFields, watchOtpFields, type OtpTarget } from '../../../src/content/fill';
import { attachDeclarativeShadowRoots } from './fixtures';

const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value') as PropertyDescriptor & {
  get(this: HTMLInputElement): string;
  set(this: HTMLInputElement, v: string): void;
};

/**
 * A React-like controlled input: React keeps a value tracker in an own `value` property; on `input`
 * it updates state only if the DOM value differs from the tracker; on every event it re-renders,
 * writing state back to the DOM. So only a native-setter write followed by `input` sticks.
 */
function controlled(input: HTMLInputElement): { state: () => string } {
  let state = '';
  let tracker = '';
  Object.defineProperty(input, 'value', {
    configurable: true,
    get: () => native.get.call(input),
    set: (v: string) => {
      tracker = String(v);
      native.set.call(input, v);
    },
  });
  for (const type of ['input', 'change', 'keydown', 'keyup', 'paste', 'focus']) {
    input.addEventListener(type, () => {
      const dom = native.get.call(input);
      if (type === 'input' && dom !== tracker) state = dom;
      tracker = state;
      native.set.call(input, state); // re-render
    });
  }
  return { state: () => state };
}

const $ = (selector: string, root: ParentNode = document) => root.querySelector(selector) as HTMLInputElement;
const $$ = (selector: string, root: ParentNode = document) => [...root.querySelectorAll<HTMLInputElement>(selector)];
const found = (): OtpTarget => {
  const target = findOtpFields(document);
  if (!target) throw new Error('no target');
  return target;
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('fillCode', () => {
  it('fills a React-like controlled input through the native setter', () => {
    document.body.innerHTML = '<label for="c">Authentication code</label><input id="c" autocomplete="one-time-code">';
    const field = controlled($('#c'));
    expect(fillCode(found(), '123456')).toBe(true);
    expect(field.state()).toBe('123456');
    expect($('#c').value).toBe('123456');
  });

  it('the fake is honest: a plain assignment does not reach React state', () => {
    document.body.innerHTML = '<input id="c">';
    const input = $('#c');
    const field = controlled(input);
    input.value = '123456';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(field.state()).toBe('');
    expect(input.value).toBe('');
  });

  it('fills six split boxes, each controlled', () => {
    document.body.innerHTML = `<h2>Two-factor authentication</h2><div class="boxes">${'<input maxlength="1" inputmode="numeric">'.repeat(6)}</div>`;
    const boxes = $$('input').map(controlled);
    const target = found();
    expect(target.kind).toBe('split');
    expect(fillCode(target, '042917')).toBe(true);
    expect(boxes.map((b) => b.state()).join('')).toBe('042917');
    expect($$('input').map((i) => i.value)).toEqual(['0', '4', '2', '9', '1', '7']);
  });

  it('lets a split widget that handles paste spread the code itself', () => {
    document.body.innerHTML = `<h2>Verification code</h2><div>${'<input maxlength="1">'.repeat(6)}</div>`;
    const boxes = $$('input');
    const pasted: string[] = [];
    boxes[0]?.addEventListener('paste', (e) => {
      const text = (e as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
      pasted.push(text);
      e.preventDefault();
      boxes.forEach((box, i) => native.set.call(box, text[i] ?? ''));
    });
    expect(fillCode(found(), '555123')).toBe(true);
    expect(pasted).toEqual(['555123']);
    expect(boxes.map((b) => b.value).join('')).toBe('555123');
  });

  it('keeps the leading zero of a type=number field', () => {
    document.body.innerHTML = '<label for="n">Enter OTP</label><input id="n" type="number" name="otp">';
    expect(fillCode(found(), '012345')).toBe(true);
    expect($('#n').value).toBe('012345');
  });

  it('never overwrites what the user typed', () => {
    document.body.innerHTML = '<input id="c" name="otp" autocomplete="one-time-code" maxlength="6">';
    const input = $('#c');
    input.value = '12'; // the user started typing
    expect(fillCode(found(), '123456')).toBe(false);
    expect(input.value).toBe('12');
  });

  it('refills its own code but not one the user edited afterwards', () => {
    document.body.innerHTML = '<input id="c" name="otp" autocomplete="one-time-code">';
    const target = found();
    expect(fillCode(target, '111111')).toBe(true);
    expect(fillCode(target, '222222')).toBe(true);
    expect($('#c').value).toBe('222222');
    $('#c').value = '2222';
    expect(fillCode(target, '333333')).toBe(false);
    expect($('#c').value).toBe('2222');
  });

  it('never overwrites a split group with a box the user filled', () => {
    document.body.innerHTML = `<p>Enter the 6-digit code</p><div>${'<input maxlength="1">'.repeat(6)}</div>`;
    const boxes = $$('input');
    (boxes[0] as HTMLInputElement).value = '9';
    expect(fillCode(found(), '123456')).toBe(false);
    expect(boxes.map((b) => b.value).join('')).toBe('9');
  });

  it('returns false when the page rejects the value', () => {
    document.body.innerHTML = '<input id="c" name="otp" autocomplete="one-time-code">';
    const input = $('#c');
    input.addEventListener('input', () => native.set.call(input, '')); // a validator that refuses it
    expect(fillCode(found(), '123456')).toBe(false);
  });

  it('fills a field inside an open shadow root, with composed events reaching the host', () => {
    document.body.innerHTML =
      '<otp-box><template shadowrootmode="open"><label for="f">Verification code</label><input id="f" maxlength="6"></template></otp-box>';
    attachDeclarativeShadowRoots(document);
    const host = document.querySelector('otp-box') as HTMLElement;
    const seen: string[] = [];
    host.addEventListener('input', () => seen.push('input'));
    const target = found();
    expect(target.kind).toBe('single');
    expect(fillCode(target, '864200')).toBe(true);
    expect($('#f', host.shadowRoot as ShadowRoot).value).toBe('864200');
    expect(seen).toEqual(Array(6).fill('input')); // one per character typed
  });

  it('types the code: keydown, keypress, beforeinput, input, keyup per character, in browser order, then change', () => {
    document.body.innerHTML = '<input id="c" name="otp" autocomplete="one-time-code">';
    const input = $('#c');
    const log: string[] = [];
    for (const type of ['keydown', 'keypress', 'beforeinput', 'input', 'keyup', 'change']) {
      input.addEventListener(type, (e) =>
        log.push(`${type}:${(e as KeyboardEvent).key ?? (e as InputEvent).data ?? ''}:${input.value}`),
      );
    }
    expect(fillCode(found(), '42')).toBe(true);
    expect(log.slice(0, 6)).toEqual([
      'keydown:4:',
      'keypress:4:',
      'beforeinput:4:',
      'input:4:4',
      'keyup:4:4',
      'keydown:2:4',
    ]);
    expect(log.at(-1)).toBe('change::42');
  });

  it('a page that cancels keydown and inserts the digit itself (a masked input) gets each digit once', () => {
    document.body.innerHTML = '<input id="c" name="otp" autocomplete="one-time-code">';
    const input = $('#c');
    input.addEventListener('keydown', (e) => {
      e.preventDefault();
      native.set.call(input, input.value + e.key);
    });
    expect(fillCode(found(), '135790')).toBe(true);
    expect(input.value).toBe('135790');
  });

  it('fills consecutive fields with this and the next code, in order', () => {
    document.body.innerHTML = `<label for="a">MFA code 1</label><input id="a" maxlength="6">
      <label for="b">MFA code 2</label><input id="b" maxlength="6">`;
    const target = found();
    expect(target.kind).toBe('consecutive');
    expect(fillCode(target, '111111')).toBe(false); // needs both codes
    expect(fillCode(target, '111111', '222222')).toBe(true);
    expect([$('#a').value, $('#b').value]).toEqual(['111111', '222222']);
  });

  it('fills the transparent real input of an input-otp widget', () => {
    document.body.innerHTML = `<div id="v" style="position:relative"><div class="slots"><div></div><div></div></div>
      <div style="position:absolute;inset:0"><input autocomplete="one-time-code" maxlength="6" style="color:transparent;opacity:0"></div></div>`;
    const target = found();
    expect(target.kind).toBe('hidden-real');
    if (target.kind === 'hidden-real') expect(target.visual.id).toBe('v');
    expect(fillCode(target, '246810')).toBe(true);
    expect($('input').value).toBe('246810');
  });
});

describe('fillAppended', () => {
  it('appends the code to the typed password, and replaces it on a refill', () => {
    document.body.innerHTML = '<input id="p" type="password" name="password">';
    const input = $('#p');
    const field = controlled(input);
    input.dispatchEvent(new Event('focus'));
    native.set.call(input, 'hunter2');
    input.dispatchEvent(new Event('input', { bubbles: true })); // the user typed it
    expect(fillAppended(input, '123456')).toBe(true);
    expect(field.state()).toBe('hunter2123456');
    expect(fillAppended(input, '654321')).toBe(true);
    expect(input.value).toBe('hunter2654321');
  });

  it('refuses when there is no password yet', () => {
    document.body.innerHTML = '<input id="p" type="password">';
    expect(fillAppended($('#p'), '123456')).toBe(false);
    expect($('#p').value).toBe('');
  });
});

describe('watchOtpFields', () => {
  const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('notices a field rendered late, and stops once it is filled', async () => {
    const seen: OtpTarget[] = [];
    const stop = watchOtpFields(document, (t) => (seen.push(t), fillCode(t, '123456')));
    expect(seen).toEqual([]);
    document.body.innerHTML = '<h1>Two-factor authentication</h1><input id="late" autocomplete="one-time-code">';
    await tick(200);
    expect(seen.map((t) => t.kind)).toEqual(['single']);
    expect($('#late').value).toBe('123456');
    document.body.insertAdjacentHTML('beforeend', '<input id="later" autocomplete="one-time-code">');
    await tick(200);
    expect(seen).toHaveLength(1); // disconnected
    stop();
  });

  it('sees fields added inside an existing shadow root', async () => {
    document.body.innerHTML = '<x-login><template shadowrootmode="open"><div id="slot"></div></template></x-login>';
    attachDeclarativeShadowRoots(document);
    const shadow = (document.querySelector('x-login') as HTMLElement).shadowRoot as ShadowRoot;
    const seen: OtpTarget[] = [];
    const stop = watchOtpFields(document, (t) => (seen.push(t), false));
    shadow.querySelector('#slot')?.insertAdjacentHTML('beforeend', '<input name="otp" autocomplete="one-time-code">');
    await tick(200);
    expect(seen).toHaveLength(1);
    stop();
  });
});

describe('watchOtpFields with an async fill', () => {
  it('stops when the promise returned by onFound resolves true', async () => {
    document.body.innerHTML = '<input id="a" autocomplete="one-time-code">';
    let calls = 0;
    const stop = watchOtpFields(document, async () => (calls++, true));
    await new Promise((r) => setTimeout(r, 0));
    document.body.insertAdjacentHTML(
      'beforeend',
      '<h1>Verification code</h1><input id="b" autocomplete="one-time-code" maxlength="6">',
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(calls).toBe(1);
    stop();
  });
});
