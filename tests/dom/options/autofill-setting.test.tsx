import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { AutoLockSection } from '../../../src/options/auto-lock-section';
import type { OptionsApi } from '../../../src/options/api';
import { PageError } from '../../../src/options/error-text';
import { msg, t } from '../popup/helpers';
import type { Settings } from '../../../src/shared/protocol';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('options: locking and autofill settings', () => {
  it('turns automatic filling off and keeps the auto-lock choice', async () => {
    let stored: Settings = { autoLockMinutes: 5, autofill: true };
    const api = {
      settings: async () => stored,
      saveSettings: async (change: Partial<Settings>) => (stored = { ...stored, ...change }),
    } as unknown as OptionsApi;
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<AutoLockSection api={api} t={(k) => k} />, root));
    await act(async () => new Promise((done) => setTimeout(done, 0)));
    const box = root.querySelector('[data-testid=autofill]') as HTMLInputElement;
    expect(box.checked).toBe(true);
    await act(async () => {
      box.checked = false;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => new Promise((done) => setTimeout(done, 0)));
    expect(stored).toEqual({ autoLockMinutes: 5, autofill: false });
  });
  it('says the screen lock locks only where the browser reports it (not in Firefox: minutes instead)', async () => {
    const api = {
      settings: async () => ({ autoLockMinutes: 'browser-close', autofill: true }),
      saveSettings: async (next: Settings) => next,
    } as unknown as OptionsApi;
    root = document.createElement('div');
    document.body.append(root);
    for (const [reported, key] of [
      [undefined, 'optionsLockExplain'],
      [true, 'optionsLockExplain'],
      [false, 'optionsLockExplainNoScreenLock'],
    ] as const) {
      await act(async () =>
        render(<AutoLockSection api={{ ...api, screenLockReported: reported }} t={(k) => k} />, root),
      );
      expect(root.querySelector('[data-testid=lock-explain]')!.textContent).toBe(key);
      render(null, root);
    }
  });
  it('a setting that cannot be saved says why and shows what is stored', async () => {
    const stored: Settings = { autoLockMinutes: 5, autofill: true };
    const api = {
      settings: async () => stored,
      saveSettings: () => Promise.reject(new PageError('vault/locked')),
    } as unknown as OptionsApi;
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<AutoLockSection api={api} t={t} />, root));
    await act(async () => new Promise((done) => setTimeout(done, 0)));
    const select = root.querySelector('[data-testid=auto-lock]') as HTMLSelectElement;
    await act(async () => {
      select.value = '60';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => new Promise((done) => setTimeout(done, 0)));
    expect(root.querySelector('#locking [role=alert]')?.textContent).toBe(msg('error_vault_locked'));
    expect(root.querySelector('#locking [role=status]')).toBeNull();
    expect(select.value).toBe('5');
  });
});
