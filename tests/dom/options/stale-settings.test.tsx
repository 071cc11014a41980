/**
 * A settings change in an options tab opened earlier must not undo what changed since elsewhere (the
 * popup's clock correction, another options tab): a save sends only the setting the user changed, and
 * the background puts it over the stored ones.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { AutoLockSection } from '../../../src/options/auto-lock-section';
import type { OptionsApi } from '../../../src/options/api';
import type { Settings } from '../../../src/shared/protocol';

const roots: HTMLElement[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) {
    render(null, root);
    root.remove();
  }
});
const tick = () => act(async () => new Promise((done) => setTimeout(done, 0)));

/** A background that stores what settings/set is given over what it has, like settings-set.ts. */
function background(initial: Settings) {
  const bg = {
    stored: initial,
    sent: [] as Partial<Settings>[],
    api: {
      settings: async () => bg.stored,
      saveSettings: async (change: Partial<Settings>) => {
        bg.sent.push(change);
        return (bg.stored = { ...bg.stored, ...change });
      },
    } as unknown as OptionsApi,
  };
  return bg;
}

async function openTab(api: OptionsApi) {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  await act(async () => render(<AutoLockSection api={api} t={(k) => k} />, root));
  await tick();
  return root;
}

async function change(root: HTMLElement, testId: string, set: (el: HTMLInputElement & HTMLSelectElement) => void) {
  const el = root.querySelector(`[data-testid=${testId}]`) as HTMLInputElement & HTMLSelectElement;
  await act(async () => {
    set(el);
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await tick();
}

describe('options: stale settings copy', () => {
  it('changing auto-lock keeps the clock correction the popup turned on meanwhile', async () => {
    const bg = background({ autoLockMinutes: 15, autofill: true, clockCorrection: false });
    const root = await openTab(bg.api);
    // The popup's "Correct codes by 90 s" (popup/client.ts correctClock: settings/set).
    bg.stored = { ...bg.stored, clockCorrection: true };
    await change(root, 'auto-lock', (select) => (select.value = '60'));
    expect(bg.stored).toEqual({ autoLockMinutes: 60, autofill: true, clockCorrection: true });
    expect(bg.sent).toEqual([{ autoLockMinutes: 60 }]);
    // The tab shows the settings as stored now, clock correction included.
    expect((root.querySelector('[data-testid=clock-correction]') as HTMLInputElement).checked).toBe(true);
  });

  it('two options tabs do not undo each other', async () => {
    const bg = background({ autoLockMinutes: 15, autofill: true, clockCorrection: false });
    const first = await openTab(bg.api);
    const second = await openTab(bg.api);
    await change(first, 'autofill', (box) => (box.checked = false));
    await change(second, 'auto-lock', (select) => (select.value = '5'));
    await change(first, 'clock-correction', (box) => (box.checked = true));
    expect(bg.stored).toEqual({ autoLockMinutes: 5, autofill: false, clockCorrection: true });
    expect(bg.sent).toEqual([{ autofill: false }, { autoLockMinutes: 5 }, { clockCorrection: true }]);
  });
});
