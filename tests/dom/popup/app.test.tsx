import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBackground, withVault, type Background } from '../../adapter/background';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '../../../src/popup/app';
import { button, click, mount, msg, settle, submit, t, type, unmount } from './helpers';

afterEach(() => {
  unmount();
  vi.useRealTimers();
});

const EXAMPLE = 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';

describe('popup: first run and unlock', () => {
  it('says so when the background does not answer', async () => {
    const { api } = await startBackground();
    const el = await mount({ ...api, info: () => Promise.reject(new Error('gone')) });
    expect(el.querySelector('[role=alert]')?.textContent).toBe(msg('errorBackgroundUnavailable'));
  });

  it('first run: rejects a trivial or mismatched password, then creates the vault', async () => {
    const bg = await startBackground();
    const el = await mount(bg.api);
    const creates = () => bg.sent.filter((m) => m.type === 'vault/create').length;
    const [pw, repeat] = el.querySelectorAll('input[type=password]');
    await type(pw, 'short');
    await submit(el.querySelector('form'));
    expect(el.querySelector('[role=alert]')?.textContent).toBe(msg('passwordTooShort'));
    expect(creates()).toBe(0);
    await type(pw, 'correct horse battery');
    await type(repeat, 'correct horse battery!');
    await submit(el.querySelector('form'));
    expect(el.querySelector('[role=alert]')?.textContent).toBe(msg('setupMismatch'));
    await type(repeat, 'correct horse battery');
    await submit(el.querySelector('form'));
    expect(creates()).toBe(1);
    expect(await bg.api.status()).toEqual({ state: 'unlocked' });
    expect(el.querySelector('[data-testid=empty-vault] p')?.textContent).toBe(msg('listEmpty'));
  });

  it('locked: a wrong password shows a message, the right one shows the accounts and codes', async () => {
    const bg = await withVault(await startBackground(), [EXAMPLE], { locked: true });
    const el = await mount(bg.api);
    expect(el.querySelector('[data-testid=code]')).toBeNull();
    await type(el.querySelector('input[type=password]'), 'wrong password!');
    await submit(el.querySelector('form'));
    expect(el.querySelector('[role=alert]')?.textContent).toBe(msg('error_vault_wrong_password'));
    await type(el.querySelector('input[type=password]'), 'correct horse battery');
    await submit(el.querySelector('form'));
    expect(el.querySelector('.issuer')?.textContent).toBe('Example');
    expect(el.querySelector('.name')?.textContent).toBe('alice@example.com');
    const code = await bg.code((await bg.accounts())[0]!.id);
    expect(el.querySelector('[data-testid=code]')?.textContent).toBe(`${code.slice(0, 3)} ${code.slice(3)}`);
  });

  it('lock returns to the password prompt', async () => {
    const bg = await withVault(await startBackground(), []);
    const el = await mount(bg.api);
    await click(button(el, msg('lock')));
    expect(await bg.api.status()).toEqual({ state: 'locked' });
    expect(el.querySelector('#unlock-title')?.textContent).toBe(msg('unlockTitle'));
  });
});

describe('popup: adding accounts', () => {
  async function openAdd(bg: Background) {
    await withVault(bg, []);
    const el = await mount(bg.api);
    await click(button(el, msg('addTitle')));
    return el;
  }

  it('a malformed URI shows the error and adds nothing', async () => {
    const bg = await startBackground();
    const el = await openAdd(bg);
    await type(el.querySelector('.add input'), 'otpauth://totp/X?secret=1NVALID');
    await submit(el.querySelector('form.add'));
    expect(el.querySelector('.add [role=alert]')?.textContent).toBe(msg('error_uri_bad_secret'));
    expect(await bg.accounts()).toHaveLength(0);
  });

  it('a key typed by hand: field-level error for a bad key, then added', async () => {
    const bg = await startBackground();
    const el = await openAdd(bg);
    await click(button(el, msg('addMode_key')));
    const inputs = el.querySelectorAll('form.add input');
    await type(inputs[0], 'Example');
    await type(inputs[1], 'alice');
    await type(inputs[2], 'not base32!');
    await submit(el.querySelector('form.add'));
    expect(el.querySelector('#err-secret')?.textContent).toBe(msg('error_uri_bad_secret'));
    expect(inputs[2]?.getAttribute('aria-invalid')).toBe('true');
    await type(inputs[2], 'JBSW Y3DP EHPK 3PXP');
    await submit(el.querySelector('form.add'));
    expect((await bg.accounts()).map((a) => a.issuer)).toEqual(['Example']);
    expect(el.querySelector('.toast')?.textContent).toContain(msg('addedCountOne', '1'));
  });

  it('scan this page explains a QR that is not an authenticator key', async () => {
    const bg = await startBackground();
    // The page's content script reports one QR code, which is not an authenticator key.
    bg.frames['content/scan'] = () => ({ tokens: [], qrs: 1 });
    const el = await openAdd(bg);
    await click(button(el, msg('addMode_scan')));
    await click(button(el, msg('scanSubmit')));
    expect(el.querySelector('.add [role=alert]')?.textContent).toBe(msg('scanNotAuthenticator'));
  });

  it.each([
    [
      'an authenticator key that does not parse says so, with the reason',
      { malformed: { count: 1, code: 'uri/bad-secret' } },
      () => `${msg('scanMalformed')} ${msg('error_uri_bad_secret')}`,
    ],
    [
      'QR images the tab could not have decoded now (its decode budget spent) say to try again',
      { busy: 2 },
      () => msg('scanTryAgain'),
    ],
    [
      'a new key for an account set up for this site says to click the QR on the page',
      { reenroll: ['Mail Machine'] },
      () => msg('scanReenroll', 'Mail Machine'),
    ],
  ])('scan this page: %s (not "no QR code found")', async (_name, more, text) => {
    const bg = await startBackground();
    await withVault(bg, []);
    const el = await mount({
      ...bg.api,
      scan: async () => ({ found: 1, added: [], notAuthenticator: 0, duplicates: 0, ...more }),
    });
    await click(button(el, msg('addTitle')));
    await click(button(el, msg('addMode_scan')));
    await click(button(el, msg('scanSubmit')));
    expect(el.querySelector('.add [role=alert]')?.textContent).toBe(text());
    expect(text()).not.toBe(msg('scanNothing'));
  });
});

describe('popup: the unlock field and a lock elsewhere', () => {
  it('says Caps Lock is on while it is, and not after', async () => {
    const bg = await withVault(await startBackground(), [EXAMPLE], { locked: true });
    const el = await mount(bg.api);
    const input = el.querySelector('input[type=password]')!;
    const hint = () => el.querySelector('[data-testid=caps-lock]')?.textContent ?? null;
    expect(hint()).toBeNull();
    // happy-dom's KeyboardEvent keeps no modifier state: the event says what Caps Lock is.
    const press = async (capsLock: boolean) => {
      const event = new KeyboardEvent('keydown', { key: capsLock ? 'A' : 'a', bubbles: true });
      Object.defineProperty(event, 'getModifierState', { value: (name: string) => name === 'CapsLock' && capsLock });
      await act(async () => void input.dispatchEvent(event));
    };
    await press(true);
    expect(hint()).toBe(msg('capsLockOn'));
    await press(false);
    expect(hint()).toBeNull();
    await press(true);
    await act(async () => void input.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    expect(hint()).toBeNull();
  });

  it('drops the codes and shows the unlock form when the background says the vault locked', async () => {
    const bg = await withVault(await startBackground(), [EXAMPLE]);
    let signal: (() => void) | null = null;
    const root = document.createElement('main');
    document.body.append(root);
    try {
      await act(async () => {
        render(
          <App
            api={bg.api}
            t={t}
            lockSignal={(listener) => {
              signal = listener;
              return () => (signal = null);
            }}
          />,
          root,
        );
      });
      await settle();
      expect(root.querySelector('[data-testid=code]')).not.toBeNull();
      await bg.api.lock();
      // Nothing in the popup asked: its codes stay until the signal comes.
      expect(root.querySelector('[data-testid=code]')).not.toBeNull();
      await act(async () => signal!());
      await settle();
      expect(root.querySelector('[data-testid=code]')).toBeNull();
      expect(root.querySelector('#unlock-title')?.textContent).toBe(msg('unlockTitle'));
    } finally {
      render(null, root);
      root.remove();
    }
    expect(signal).toBeNull();
  });
});
