import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { AutoLockSection } from '../../../src/options/auto-lock-section';
import type { OptionsApi } from '../../../src/options/api';
import type { Settings } from '../../../src/shared/protocol';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const tick = () => act(async () => new Promise((done) => setTimeout(done, 0)));

describe('options: clock correction', () => {
  it('shows the choice the popup made and turns it off, keeping the other settings', async () => {
    let stored: Settings = { autoLockMinutes: 5, autofill: false, clockCorrection: true };
    const api = {
      settings: async () => stored,
      saveSettings: async (change: Partial<Settings>) => (stored = { ...stored, ...change }),
    } as unknown as OptionsApi;
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<AutoLockSection api={api} t={(k) => k} />, root));
    await tick();
    const box = root.querySelector('[data-testid=clock-correction]') as HTMLInputElement;
    expect(box.checked).toBe(true);
    await act(async () => {
      box.checked = false;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await tick();
    expect(stored).toEqual({ autoLockMinutes: 5, autofill: false, clockCorrection: false });
    // And the auto-lock choice saved afterwards keeps it off.
    const select = root.querySelector('[data-testid=auto-lock]') as HTMLSelectElement;
    await act(async () => {
      select.value = '60';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await tick();
    expect(stored).toEqual({ autoLockMinutes: 60, autofill: false, clockCorrection: false });
  });
});
