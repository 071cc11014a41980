/**
 * Other apps' encrypted exports in the options page: the page asks for the password before sending
 * anything, opens the file itself, and the background only ever sees the app's plain export.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeOptionsApi } from './fake-api';
import { button, click, idle, mountOptions, msg, pickFile, submit, textOf, type, unmountOptions } from './helpers';

afterEach(unmountOptions);

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/imports', name), 'utf8');
const section = (el: HTMLElement) => el.querySelector('section[aria-labelledby=import-title]')!;
const alertText = (el: Element) => textOf(el.querySelector('[role=alert]'));

/** Waits for the page's own async work (the lazy import and the KDF) to settle. */
async function until(check: () => boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await idle();
  }
}

describe('options: other apps encrypted exports', () => {
  it('Ente Auth: asks for the password first, a wrong one says so, the right one previews the accounts', async () => {
    const api = new FakeOptionsApi();
    const el = await mountOptions(api);
    await pickFile(
      el.querySelector('[data-testid=import-file]'),
      new File([fixture('ente-auth-encrypted.txt')], 'ente-auth-codes.txt', { type: 'text/plain' }),
    );
    await idle();
    const form = el.querySelector('[data-testid=import-password]');
    expect(form).not.toBeNull();
    expect(api.calls.filter((c) => /^(preview|commit)/.test(c))).toEqual([]);
    await type(form!.querySelector('input[type=password]'), 'not-it');
    await submit(form);
    await until(() => alertText(section(el)) !== '');
    expect(alertText(section(el))).toBe(msg('error_import_wrong_password'));
    expect(api.calls.filter((c) => /^(preview|commit)/.test(c))).toEqual([]);
    await type(el.querySelector('[data-testid=import-password] input'), 'ente-sample-password');
    await submit(el.querySelector('[data-testid=import-password]'));
    await until(() => el.querySelector('[data-testid=import-preview]') !== null);
    expect([...el.querySelectorAll('[data-testid=preview-add] li')].map(textOf)).toEqual([
      'Ente Sample: alice@example.com',
      'GitHub: bob',
      'Counter: carol',
    ]);
    // The background got the plain otpauth lines, without the password.
    expect(api.calls.filter((c) => /^(preview|commit)/.test(c))).toEqual(['preview:text']);
    await click(button(el, msg('importConfirm', '3')));
    await idle();
    expect(api.vault.accounts.map((a) => a.issuer)).toEqual(['Ente Sample', 'GitHub', 'Counter']);
  });

  it('Bitwarden account-restricted: says it cannot be read outside Bitwarden, asks no password, sends nothing', async () => {
    const api = new FakeOptionsApi();
    const el = await mountOptions(api);
    await pickFile(
      el.querySelector('[data-testid=import-file]'),
      new File([fixture('bitwarden-account-restricted.json')], 'bitwarden_encrypted_export.json', {
        type: 'application/json',
      }),
    );
    await idle();
    expect(alertText(section(el))).toBe(msg('error_import_account_restricted'));
    expect(el.querySelector('[data-testid=import-password]')).toBeNull();
    expect(api.calls.filter((c) => /^(preview|commit)/.test(c))).toEqual([]);
  });

  it('control: a plain file goes straight to the background', async () => {
    const api = new FakeOptionsApi();
    const el = await mountOptions(api);
    await type(
      el.querySelector('[data-testid=import-text]'),
      'otpauth://totp/Solo:me?secret=JBSWY3DPEHPK3PXP&issuer=Solo',
    );
    await submit(section(el).querySelector('form'));
    await idle();
    expect(api.calls.filter((c) => /^(preview|commit)/.test(c))).toEqual(['preview:text']);
  });
});
