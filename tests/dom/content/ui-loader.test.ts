/** The page UI is injected once per frame, on first use, by the background (`ui/load`). */
import { describe, expect, it } from 'vitest';
import { fakeContentRuntime } from '../../fake-browser';

const sent: unknown[] = [];
let inject = true;
fakeContentRuntime(async (message) => {
  sent.push(message);
  // What scripting.executeScript does: run the UI script in this (isolated) world.
  if (inject) await import('../../../src/content/page-ui');
  return {};
});

const { pageUi, UI_KEY } = await import('../../../src/content/ui-loader');

describe('pageUi', () => {
  it('fails (and retries later) when the injection did not happen', async () => {
    inject = false;
    await expect(pageUi()).rejects.toThrow('Page UI not loaded');
    expect(sent).toEqual([{ type: 'ui/load' }]);
  });

  it('asks the background once, even for concurrent callers, then uses the injected script', async () => {
    inject = true;
    sent.length = 0;
    const [a, b] = await Promise.all([pageUi(), pageUi()]);
    expect(a).toBe(b);
    expect(sent).toEqual([{ type: 'ui/load' }]);
    expect(Object.keys(a).sort()).toEqual([
      'appendCodes',
      'drawSource',
      'enrolled',
      'guardCapture',
      'notify',
      'presentCandidate',
      'showFieldButton',
      'showFillCue',
      'stale',
      'submitNear',
      'withdraw',
    ]);
    expect((globalThis as Record<string, unknown>)[UI_KEY]).toBe(a);
    await pageUi();
    expect(sent).toHaveLength(1);
  });
});
