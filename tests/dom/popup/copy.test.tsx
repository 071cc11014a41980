/** A copy that fails says why and loses no code. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBackground, withVault, type Background } from '../../adapter/background';
import { createPopupApi } from '../../../src/popup/client';
import { click, mount, msg, unmount } from './helpers';

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
