/**
 * Other apps' encrypted exports in the options page: the page asks for the password before sending
 * anything, opens the file itself, and the background only ever sees the app's plain export.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeOptionsApi } from './fake-api';
import {
  button,
  click,
  idle,
  mountOptions,
  msg,
  pickFile,
  settle,
  submit,
  textOf,
  type,
  unmountOptions,
} from './helpers';

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

  it("Ente Auth at a real export's cost: the page shows how far the key derivation is, and Cancel stops it", async () => {
    // Ente writes its exports with libsodium's "sensitive" cost (1 GiB, 4 passes: ~40 s here); the
    // sample's 8 MiB raised to 512 MiB × 4 passes (~20 s), long enough to watch and cancel.
    const sample = JSON.parse(fixture('ente-auth-encrypted.txt')) as { kdfParams: Record<string, unknown> };
    const costly = { ...sample, kdfParams: { ...sample.kdfParams, memLimit: 512 * 2 ** 20, opsLimit: 4 } };
    const api = new FakeOptionsApi();
    const el = await mountOptions(api);
    await pickFile(
      el.querySelector('[data-testid=import-file]'),
      new File([JSON.stringify(costly)], 'ente-auth-codes.txt', { type: 'text/plain' }),
    );
    await idle();
    await type(el.querySelector('[data-testid=import-password] input'), 'ente-sample-password');
    await submit(el.querySelector('[data-testid=import-password]'));
    const progress = () => el.querySelector<HTMLProgressElement>('[data-testid=import-opening] progress');
    // Not `until`: it waits for "Working…" to end, which is the whole derivation here.
    const watch = async (check: () => boolean) => {
      const end = Date.now() + 20_000;
      while (!check() && Date.now() < end) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await settle();
      }
    };
    await watch(() => (progress()?.value ?? 0) > 0.02);
    const first = progress()!.value;
    expect(textOf(el.querySelector('[data-testid=import-opening]'))).toContain(
      msg('importOpening', String(Math.floor(first * 100))),
    );
    await watch(() => (progress()?.value ?? 1) > first);
    expect(progress()?.value).toBeLessThan(1);
    // Cancel is not held back by the work under way.
    const cancel = button(section(el) as HTMLElement, msg('cancel'))!;
    expect(cancel.disabled).toBe(false);
    const cancelledAt = Date.now();
    await click(cancel);
    await until(() => !section(el).querySelector('[role=status]'));
    // Back to choosing a file within a moment, no error, nothing sent to the background.
    expect(Date.now() - cancelledAt).toBeLessThan(2000);
    expect(el.querySelector('[data-testid=import-password]')).toBeNull();
    expect(el.querySelector('[data-testid=import-opening]')).toBeNull();
    expect(alertText(section(el))).toBe('');
    expect(api.calls.filter((c) => /^(preview|commit)/.test(c))).toEqual([]);
    expect((el.querySelector('[data-testid=import-file]') as HTMLInputElement).disabled).toBe(false);
  }, 60_000);

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
