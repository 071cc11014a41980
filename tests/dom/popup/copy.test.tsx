/** A copy that fails says why and loses no code; a vault locked behind the popup shows the unlock form. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBackground, withVault, type Background } from '../../adapter/background';
import { createPopupApi } from '../../../src/popup/client';
import { click, mount, msg, settle, unmount } from './helpers';

afterEach(() => {
  unmount();
  vi.useRealTimers();
});

const HOTP = 'otpauth://hotp/Counter:zoe?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Counter&counter=0';
const TOTP = 'otpauth://totp/Mail:zoe?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Mail';
// RFC 4226 appendix D, counters 0 and 1.
const [AT0, AT1] = ['755 224', '287 082'];

/** The real client over the real background, with a clipboard that refuses (the popup lost focus). */
const refusingClipboard = (bg: Background) =>
  createPopupApi(bg.send, {
    writeClipboard: () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')),
    openOptions: () => undefined,
  });

const toast = (el: HTMLElement) => el.querySelector('.toast span')?.textContent ?? '';
const shown = (el: HTMLElement) => el.querySelector('[data-testid=code]')?.textContent;
const unlockForm = (el: HTMLElement) => el.querySelector('#unlock-title');

describe('popup copy that fails', () => {
  it('HOTP: the clipboard refuses after the counter moved on: the code taken is shown with the reason', async () => {
    const bg = await withVault(await startBackground(), [HOTP]);
    const el = await mount(refusingClipboard(bg));
    expect(shown(el)).toBe(AT0);
    await click(el.querySelector('.copy'));
    expect((await bg.accounts())[0]!.counter).toBe(1);
    expect(shown(el)).toBe(AT1);
    expect(toast(el)).toBe(msg('copyFailedCode', msg('error_clipboard_refused'), AT0));
    expect(msg('error_clipboard_refused')).not.toBe('');
    expect(el.querySelector('.copied')).toBeNull();
    // It stays until closed (the code is nowhere else), not the 8 s of other messages.
    const close = el.querySelector<HTMLButtonElement>('.toast button');
    expect(close?.textContent).toBe(msg('close'));
    await click(close);
    expect(toast(el)).toBe('');
  });

  it('HOTP: any failure of the copy after the code was taken still shows the code', async () => {
    const bg = await withVault(await startBackground(), [HOTP]);
    const el = await mount({ ...bg.api, copy: () => Promise.reject(new Error('gone')) });
    await click(el.querySelector('.copy'));
    expect(toast(el)).toContain(AT0);
    expect(toast(el)).toContain(msg('copyFailedCode', msg('errorGeneric'), AT0));
  });

  it('TOTP: the clipboard refuses: the popup says so, reports nothing copied, and still fills the page', async () => {
    const bg = await withVault(await startBackground(), [TOTP]);
    const el = await mount(refusingClipboard(bg));
    await click(el.querySelector('.copy'));
    expect(toast(el)).toBe(msg('error_clipboard_refused'));
    expect(el.querySelector('.copied')).toBeNull();
    const types = bg.sent.map((m) => m.type);
    expect(types).not.toContain('clipboard/clear-later');
    expect(types).toContain('fill/active-tab');
  });
});

describe('popup over a vault locked behind it', () => {
  it('codes expire after the lock: the popup shows the unlock form, not the old codes', async () => {
    const bg = await withVault(await startBackground(), [TOTP]);
    const el = await mount(bg.api);
    await bg.send({ type: 'vault/lock' }); // idle, screen lock, an options tab
    vi.setSystemTime(Date.now() + 120_000);
    await new Promise((done) => setTimeout(done, 1100));
    await settle();
    expect(unlockForm(el)).not.toBeNull();
    expect(el.querySelector('[data-testid=code]')).toBeNull();
  });

  it('TOTP copy before the code expired: nothing copied, the unlock form shows', async () => {
    const bg = await withVault(await startBackground(), [TOTP]);
    const el = await mount(bg.api);
    await bg.send({ type: 'vault/lock' });
    await click(el.querySelector('.copy'));
    expect(bg.clipboard).toEqual([]);
    expect(toast(el)).not.toContain(msg('copied'));
    expect(unlockForm(el)).not.toBeNull();
  });

  it('HOTP copy: no code taken, the unlock form shows', async () => {
    const bg = await withVault(await startBackground(), [HOTP]);
    const el = await mount(bg.api);
    await bg.send({ type: 'vault/lock' });
    await click(el.querySelector('.copy'));
    expect(bg.clipboard).toEqual([]);
    expect(unlockForm(el)).not.toBeNull();
    await bg.send({ type: 'vault/unlock', password: 'correct horse battery' });
    expect((await bg.accounts())[0]!.counter).toBe(0);
  });
  it('an account deleted behind the popup: its copy says so and the list catches up', async () => {
    const bg = await withVault(await startBackground(), [TOTP, HOTP]);
    const el = await mount(bg.api);
    const id = (await bg.accounts()).find((a) => a.issuer === 'Mail')!.id;
    await bg.send({ type: 'accounts/delete', id });
    const mail = [...el.querySelectorAll('.copy')].find((b) => b.textContent?.includes('Mail'));
    await click(mail);
    expect(bg.clipboard).toEqual([]);
    expect(toast(el)).toBe(msg('error_vault_not_found'));
    expect(el.querySelectorAll('[data-testid=account]')).toHaveLength(1);
  });
});
