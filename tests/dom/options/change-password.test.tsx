import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ChangePassword } from '../../../src/options/change-password';
import type { OptionsApi } from '../../../src/options/api';
import { PageError } from '../../../src/options/error-text';
import { msg, settle, t, type } from '../popup/helpers';

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

/** A vault whose password change takes a while (the KDF) and checks the old password as the background does. */
function vaultApi() {
  const state = { password: 'old password 123', calls: 0 };
  const api = {
    changePassword: async (oldPassword: string, newPassword: string) => {
      state.calls++;
      await new Promise((done) => setTimeout(done, 50));
      if (oldPassword !== state.password) throw new PageError('vault/wrong-password');
      state.password = newPassword;
      return { state: 'unlocked' };
    },
  } as unknown as OptionsApi;
  return { api, state };
}

async function fill(api: OptionsApi): Promise<HTMLButtonElement> {
  root = document.createElement('main');
  document.body.append(root);
  await act(async () => render(<ChangePassword api={api} t={t} />, root!));
  const [oldIn, newIn, repeatIn] = root.querySelectorAll('input');
  await type(oldIn, 'old password 123');
  await type(newIn, 'Correct horse battery staple 9');
  await type(repeatIn, 'Correct horse battery staple 9');
  return root.querySelector('button[type=submit]') as HTMLButtonElement;
}

describe('options: change the master password', () => {
  it('a double click changes it once and says it changed (the build before said "wrong password" over a change it made)', async () => {
    const { api, state } = vaultApi();
    const button = await fill(api);
    await act(async () => {
      button.click();
      button.click();
    });
    expect(button.disabled).toBe(true);
    await act(async () => new Promise((done) => setTimeout(done, 150)));
    await settle();
    expect(state.calls).toBe(1);
    expect(state.password).toBe('Correct horse battery staple 9');
    expect(root!.querySelector('[role=status]')?.textContent).toBe(msg('passwordChanged'));
    expect(root!.querySelector('[role=alert]')).toBeNull();
  });

  it('after a change, says that copies under the old password may stay on disk, and what to do if it leaked', async () => {
    const button = await fill(vaultApi().api);
    await act(async () => button.click());
    await act(async () => new Promise((done) => setTimeout(done, 100)));
    await settle();
    expect(root!.querySelector('[role=status]')?.textContent).toBe(msg('passwordChanged'));
    const note = root!.querySelector('[data-testid=password-old-copies]')?.textContent ?? '';
    expect(note).toBe(msg('passwordChangedOldCopies'));
    // English says both: old copies may stay, and the safe path (export, remove, reinstall, import).
    expect(note).toMatch(/old password may stay in the browser's storage files/);
    expect(note).toMatch(/export a backup, remove the extension, install it again, and import/);
  });

  it('a wrong current password says so, and the form can be sent again', async () => {
    const { api, state } = vaultApi();
    state.password = 'something else 456';
    const button = await fill(api);
    await act(async () => button.click());
    await act(async () => new Promise((done) => setTimeout(done, 100)));
    await settle();
    expect(root!.querySelector('[role=alert]')?.textContent).toBe(msg('error_vault_wrong_password'));
    expect(root!.querySelector('[data-testid=password-old-copies]')).toBeNull();
    expect(button.disabled).toBe(false);
  });
});

describe('change password: Caps Lock', () => {
  it('says Caps Lock is on while a key is typed with it on, in any of the three fields', async () => {
    await fill(vaultApi().api);
    const hint = () => root!.querySelector('[data-testid=caps-lock]')?.textContent ?? null;
    const press = async (input: Element, capsLock: boolean) => {
      const event = new KeyboardEvent('keyup', { key: 'x', bubbles: true });
      // happy-dom keeps no modifier state: the event says what Caps Lock is.
      Object.defineProperty(event, 'getModifierState', { value: (name: string) => name === 'CapsLock' && capsLock });
      await act(async () => void input.dispatchEvent(event));
    };
    const [oldIn, , repeatIn] = root!.querySelectorAll('input');
    expect(hint()).toBeNull();
    await press(oldIn!, true);
    expect(hint()).toBe(msg('capsLockOn'));
    await press(repeatIn!, false);
    expect(hint()).toBeNull();
  });
});
