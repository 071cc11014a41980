/**
 * The content side of the in-field button, auto-submit and "password + code in one field", on small
 * HTML fixtures. (Trusted clicks cannot be made here; the e2e tests click for real.)
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CodeAnswer, FillAnswer } from '../../../src/shared/protocol';
import { pageSize } from './layout';
import { fakeContentRuntime } from '../../fake-browser';

const requests: Record<string, unknown>[] = [];
let answer: FillAnswer = { kind: 'none' };
/** What the background answers a picked code's ask (`fill/pick-code`) with. */
let picked: CodeAnswer | null = null;
fakeContentRuntime((message) => {
  requests.push(message);
  if (message.type === 'fill/pick-code') return picked;
  return message.type === 'fill/request' ? answer : {};
});

// The page UI script, as the background would inject it (see src/content/ui-loader.ts).
await import('../../../src/content/page-ui');
const { startAutofill, fillPicked } = await import('../../../src/content/autofill');
const { startAppend } = await import('../../../src/content/append');
const { submitNear } = await import('../../../src/content/fill/submit');

/** happy-dom events are never trusted; a user's are. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const press = (el: Element, key: string) =>
  el.dispatchEvent(trusted(new KeyboardEvent('keydown', { key, bubbles: true })));
const userClick = (el: Element) =>
  el.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));

// Our closed shadow roots, kept for the tests (the page cannot get at them).
const roots = new Map<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
  const root = attachShadow.call(this, init);
  roots.set(this, root);
  return root;
};

const code = (c: string, extra: Partial<CodeAnswer> = {}): CodeAnswer => ({
  kind: 'code',
  code: c,
  next: '999999',
  validUntil: Date.now() + 20_000,
  submit: false,
  ...extra,
});
const $ = (selector: string) => document.querySelector(selector) as HTMLInputElement;
const settle = (ms = 120) => new Promise((done) => setTimeout(done, ms));

beforeEach(() => {
  requests.length = 0;
  answer = { kind: 'none' };
  // happy-dom has no layout: every element gets a box in view, so fields count as seen (see visible.test.ts).
  pageSize(1280, 2000);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 100, 200, 40));
});
let stops: (() => void)[] = [];
const watch = () => stops.push(startAutofill(document));
afterEach(() => {
  stops.forEach((stop) => stop());
  stops = [];
  document.body.innerHTML = '';
  document.querySelectorAll('clickauth-fill').forEach((e) => e.remove());
});

// The "Filled by ClickAuth" cue (fill/cue.ts) takes itself away 2.5 s after a fill: let the last
// one's timer run while the window still exists (on a loaded machine it fired after teardown).
afterAll(() => settle(2600));

describe('submitNear', () => {
  it("clicks the form's submit button (sites listen for the click), or requests a submit without one", () => {
    document.body.innerHTML =
      '<form><input id="c"><button type="button" id="b1">Resend</button><button id="b2">Verify</button></form>';
    const clicked: string[] = [];
    document
      .querySelectorAll('button')
      .forEach((b) => b.addEventListener('click', (e) => (clicked.push(b.id), e.preventDefault())));
    expect(submitNear($('#c'))).toBe(true);
    expect(clicked).toEqual(['b2']);

    document.body.innerHTML = '<form><input id="c"></form>';
    const submits = vi.fn((e: Event) => e.preventDefault());
    document.querySelector('form')!.addEventListener('submit', submits);
    expect(submitNear($('#c'))).toBe(true);
    expect(submits).toHaveBeenCalledOnce();
  });

  it("without a form: presses a container's only button if it signs in or verifies, never one of several", () => {
    document.body.innerHTML = '<div><div><input id="c"></div><div role="button" id="go">Continue</div></div>';
    const go = vi.fn();
    document.getElementById('go')!.addEventListener('click', go);
    expect(submitNear($('#c'))).toBe(true);
    expect(go).toHaveBeenCalledOnce();

    document.body.innerHTML = '<div><div><input id="c"></div><button id="r">Resend code</button></div>';
    const resend = vi.fn();
    document.getElementById('r')!.addEventListener('click', resend);
    expect(submitNear($('#c'))).toBe(false);
    expect(resend).not.toHaveBeenCalled();

    document.body.innerHTML = '<div><input id="c"><button id="x">Verify</button><button id="y">Cancel</button></div>';
    const any = vi.fn();
    document.querySelectorAll('button').forEach((b) => b.addEventListener('click', any));
    expect(submitNear($('#c'))).toBe(false);
    expect(any).not.toHaveBeenCalled();
  });
});

describe('autofill answers', () => {
  const page =
    '<form><label for="c">Verification code</label><input id="c" autocomplete="one-time-code" inputmode="numeric"><button>Verify</button></form>';

  it.each([
    ['several', { kind: 'several', count: 2 }],
    ['choose', { kind: 'choose' }],
    ['locked', { kind: 'locked' }],
    ['off', { kind: 'off', grant: 'g-1' }],
    ['confirm', { kind: 'confirm', grant: 'g-2' }],
  ] as const)('%s: nothing filled, our button shown; a script-made click on it does nothing', async (_name, reply) => {
    answer = reply;
    document.body.innerHTML = page;
    watch();
    await settle();
    expect($('#c').value).toBe('');
    const host = document.querySelector('clickauth-fill') as HTMLElement;
    expect(host).not.toBeNull();
    expect(host.shadowRoot).toBeNull(); // closed
    const before = requests.length;
    // A click made by a page script on the button itself does nothing.
    (roots.get(host)!.querySelector('button') as HTMLButtonElement).click();
    await settle(10);
    expect(requests.length).toBe(before);
  });

  it('none: no button at all', async () => {
    document.body.innerHTML = page;
    watch();
    await settle();
    expect(requests).toEqual([{ type: 'fill/request', visible: true, consecutive: false }]);
    expect(document.querySelector('clickauth-fill')).toBeNull();
  });

  it('a field the user cannot see is offered as not seen (the background then wants a click), after a short wait for it to appear', async () => {
    document.body.innerHTML = page;
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(-9999, 100, 200, 40));
    watch();
    await settle(400);
    expect(requests).toEqual([]); // still waiting: a sign-in step may be sliding in
    await settle(1000);
    expect(requests).toEqual([{ type: 'fill/request', visible: false, consecutive: false }]);
  });

  it('a field that slides into view within the wait is offered as seen', async () => {
    document.body.innerHTML = page;
    const box = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(-9999, 100, 200, 40));
    watch();
    await settle(300);
    box.mockReturnValue(new DOMRect(100, 100, 200, 40));
    await settle(400);
    expect(requests).toEqual([{ type: 'fill/request', visible: true, consecutive: false }]);
  });

  it('consecutive fields say so; the next code goes only into the second of them', async () => {
    answer = code('111111', { next: '222222' });
    document.body.innerHTML =
      '<form><label for="a">MFA code 1</label><input id="a" inputmode="numeric" maxlength="6"><label for="b">MFA code 2</label><input id="b" inputmode="numeric" maxlength="6"></form>';
    watch();
    await settle();
    expect(requests).toEqual([{ type: 'fill/request', visible: true, consecutive: true }]);
    expect([$('#a').value, $('#b').value]).toEqual(['111111', '222222']);
  });

  it("a single field never gets the next code: at rollover the code is asked for again (with the answer's grant, if any)", async () => {
    answer = code('123456', { next: '999999', validUntil: Date.now() + 100, grant: 'g-refresh' });
    document.body.innerHTML = page;
    watch();
    await settle();
    expect($('#c').value).toBe('123456');
    answer = code('654321', { validUntil: Date.now() + 30_000 });
    await settle(200);
    expect(requests).toEqual([
      { type: 'fill/request', visible: true, consecutive: false },
      { type: 'fill/request', grant: 'g-refresh', visible: true, consecutive: false },
    ]);
    expect($('#c').value).toBe('654321');
  });

  it('a picked code fills the field and removes the button, only in a document of the picked origin', async () => {
    answer = { kind: 'several', count: 2 };
    document.body.innerHTML = page;
    watch();
    await settle();
    picked = code('123456');
    requests.length = 0;
    // Another origin's document does not even ask for the code.
    expect(await fillPicked('g-pick', 'https://elsewhere.example')).toEqual({ filled: false });
    expect($('#c').value).toBe('');
    expect(requests.filter((r) => r.type === 'fill/pick-code')).toEqual([]);
    // The background answers no code (not this frame's pick): nothing is filled.
    picked = null;
    expect(await fillPicked('g-pick', location.origin)).toEqual({ filled: false });
    expect($('#c').value).toBe('');
    picked = code('123456');
    expect(await fillPicked('g-pick', location.origin)).toEqual({ filled: true });
    expect(requests.filter((r) => r.type === 'fill/pick-code')).toEqual([
      { type: 'fill/pick-code', grant: 'g-pick' },
      { type: 'fill/pick-code', grant: 'g-pick' },
    ]);
    expect($('#c').value).toBe('123456');
    expect(document.querySelector('clickauth-fill')).toBeNull();
  });

  it('submit option: the form is submitted after the fill, not if the user changed the code meanwhile', async () => {
    answer = code('246810', { submit: true });
    document.body.innerHTML = page;
    const submitted = vi.fn((e: Event) => e.preventDefault());
    document.querySelector('form')!.addEventListener('submit', submitted);
    watch();
    await settle(300);
    expect($('#c').value).toBe('246810');
    expect(submitted).toHaveBeenCalledOnce();

    document.body.innerHTML = page;
    const again = vi.fn((e: Event) => e.preventDefault());
    document.querySelector('form')!.addEventListener('submit', again);
    watch();
    await settle(70);
    $('#c').value = '24681';
    await settle(200);
    expect(again).not.toHaveBeenCalled();
  });
});

describe('password and code in one field', () => {
  const page = `<form><input id="u" value="alice"><input id="pw" type="password"><button type="button" id="show">Show</button><button id="go">Sign in</button></form>`;

  async function setUp(reply: FillAnswer) {
    answer = reply;
    document.body.innerHTML = page;
    // happy-dom has no layout: treat every field as rendered.
    vi.spyOn(HTMLElement.prototype, 'getClientRects').mockReturnValue([{}] as unknown as DOMRectList);
    document.querySelector('form')!.addEventListener('submit', (e) => e.preventDefault());
    stops.push(startAppend(document));
    await settle(10);
    $('#pw').value = 'hunter2';
  }

  it('appends the code on Enter and on the sign-in button, once; not on other buttons, not for page scripts', async () => {
    await setUp(code('135790'));
    expect(requests).toEqual([{ type: 'fill/request', append: true }]);
    userClick(document.getElementById('show')!);
    expect($('#pw').value).toBe('hunter2');
    document.getElementById('go')!.click(); // a page script's click
    $('#pw').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect($('#pw').value).toBe('hunter2');
    press($('#pw'), 'Enter');
    expect($('#pw').value).toBe('hunter2135790');
    userClick(document.getElementById('go')!);
    expect($('#pw').value).toBe('hunter2135790');
  });

  it('finds a password field rendered later', async () => {
    answer = code('112233');
    document.body.innerHTML = '<div id="step"></div>';
    vi.spyOn(HTMLElement.prototype, 'getClientRects').mockReturnValue([{}] as unknown as DOMRectList);
    stops.push(startAppend(document));
    await settle(10);
    expect(requests).toEqual([]);
    document.getElementById('step')!.innerHTML = page;
    document.querySelector('form')!.addEventListener('submit', (e) => e.preventDefault());
    await settle(300);
    expect(requests).toEqual([{ type: 'fill/request', append: true }]);
    $('#pw').value = 'pw';
    press($('#pw'), 'Enter');
    expect($('#pw').value).toBe('pw112233');
  });

  it('about to expire and no next code (the background gives none): the current code; it is asked for again at rollover', async () => {
    await setUp(code('135790', { next: null, validUntil: Date.now() + 500 }));
    userClick(document.getElementById('go')!);
    expect($('#pw').value).toBe('hunter2135790');
    answer = code('246802', { next: null });
    await settle(1100);
    expect(requests).toEqual([
      { type: 'fill/request', append: true },
      { type: 'fill/request', append: true },
    ]);
    $('#pw').value = 'hunter2';
    press($('#pw'), 'Enter');
    expect($('#pw').value).toBe('hunter2246802');
  });

  it('appends nothing to a password field the user cannot see', async () => {
    await setUp(code('135790'));
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(-9999, 100, 200, 40));
    press($('#pw'), 'Enter');
    expect($('#pw').value).toBe('hunter2');
  });

  it('appends nothing when the site has no account with the option', async () => {
    await setUp({ kind: 'none' });
    userClick(document.getElementById('go')!);
    press($('#pw'), 'Enter');
    expect($('#pw').value).toBe('hunter2');
  });
});
