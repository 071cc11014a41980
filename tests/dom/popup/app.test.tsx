import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '../../../src/popup/app';
import type { PopupApi } from '../../../src/popup/api';
import { FakeBackground } from './fake-api';
import en from '../../../public/_locales/en/messages.json' with { type: 'json' };

const messages = en as Record<string, { message: string }>;
const t = (key: string, sub?: string | string[]) =>
  (messages[key]?.message ?? '').replace(/\$[A-Z]+\$/, String(Array.isArray(sub) ? sub[0] : (sub ?? '')));

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

const settle = () => act(async () => {
  for (let i = 0; i < 5; i++) await new Promise((done) => setTimeout(done, 0));
});

async function mount(api: PopupApi) {
  root = document.createElement('main');
  document.body.append(root);
  await act(async () => {
    render(<App api={api} t={t} />, root);
  });
  await settle();
  return root;
}

async function type(input: Element | null, value: string) {
  const el = input as HTMLInputElement;
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(form: Element | null) {
  await act(async () => {
    (form as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

describe('popup', () => {
  it('says so when the background does not answer', async () => {
    const api = new FakeBackground();
    api.info = () => Promise.reject(new Error('gone'));
    const el = await mount(api);
    expect(el.querySelector('[role=alert]')?.textContent).toBe(messages.errorBackgroundUnavailable?.message);
  });

  it('first run: rejects a trivial or mismatched password, then creates the vault', async () => {
    const api = new FakeBackground();
    const el = await mount(api);
    const [pw, repeat] = el.querySelectorAll('input[type=password]');
    await type(pw!, 'short');
    await submit(el.querySelector('form'));
    expect(el.querySelector('[role=alert]')?.textContent).toBe(messages.passwordTooShort?.message);
    expect(api.calls).toEqual([]);
    await type(pw!, 'correct horse battery');
    await type(repeat!, 'correct horse battery!');
    await submit(el.querySelector('form'));
    expect(el.querySelector('[role=alert]')?.textContent).toBe(messages.setupMismatch?.message);
    await type(repeat!, 'correct horse battery');
    await submit(el.querySelector('form'));
    expect(api.calls).toEqual(['create']);
    expect(el.querySelector('.empty')?.textContent).toBe(messages.listEmpty?.message);
  });

  it('locked: a wrong password shows a message, the right one shows the accounts and codes', async () => {
    const api = new FakeBackground();
    api.password = 'correct horse battery';
    await api.addUri('otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example');
    api.state = 'locked';
    const el = await mount(api);
    expect(el.querySelector('[data-testid=code]')).toBeNull();
    await type(el.querySelector('input[type=password]'), 'wrong password!');
    await submit(el.querySelector('form'));
    expect(el.querySelector('[role=alert]')?.textContent).toBe(messages.error_vault_wrong_password?.message);
    await type(el.querySelector('input[type=password]'), 'correct horse battery');
    await submit(el.querySelector('form'));
    await settle();
    expect(el.querySelector('.issuer')?.textContent).toBe('Example');
    expect(el.querySelector('.name')?.textContent).toBe('alice@example.com');
    const code = (await api.codes(['id-1']))[0]!.code;
    expect(el.querySelector('[data-testid=code]')?.textContent).toBe(`${code.slice(0, 3)} ${code.slice(3)}`);
  });

  it('adding a malformed URI shows the field error and adds nothing', async () => {
    const api = new FakeBackground();
    api.state = 'unlocked';
    const el = await mount(api);
    await type(el.querySelector('.add input'), 'otpauth://totp/X?secret=1NVALID');
    await submit(el.querySelector('form.add'));
    expect(el.querySelector('.add [role=alert]')?.textContent).toBe(messages.error_uri_bad_secret?.message);
    expect(api.accounts).toHaveLength(0);
  });
});
