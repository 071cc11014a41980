/**
 * What our page UI says is said through live regions that exist, empty, before their text arrives (a
 * region inserted with its text in it is often not announced): the notice at the top right (a status
 * line, not a dialog that never takes the focus) and the result card under a QR ("Added", Undo).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showNotice } from '../../../src/content/enroll/notice';
import { showOverlay } from '../../../src/content/enroll/overlay';

/** Our closed shadow roots, caught as they are attached. */
let shadows: ShadowRoot[] = [];
const realAttach = Element.prototype.attachShadow;
beforeEach(() => {
  shadows = [];
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = realAttach.call(this, init);
    shadows.push(root);
    return root;
  };
  (globalThis as unknown as { chrome: { i18n?: unknown } }).chrome.i18n = { getMessage: (key: string) => key };
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  Element.prototype.attachShadow = realAttach;
  delete (globalThis as unknown as { chrome: { i18n?: unknown } }).chrome.i18n;
  document.body.innerHTML = '';
});

const live = (root: ShadowRoot) => [...root.querySelectorAll('[role=status], [role=alert]')];

describe('page UI live regions', () => {
  it('the notice is a status line (no alertdialog): its region is empty when it appears, then says the text', () => {
    const notice = showNotice('Save 10 backup codes for Example?', 'Save', () => undefined);
    const root = shadows.at(-1)!;
    expect(root.querySelector('[role=alertdialog], [role=dialog]')).toBeNull();
    const [region] = live(root);
    expect(region?.textContent).toBe('');
    vi.advanceTimersByTime(500);
    expect(region?.textContent).toBe('Save 10 backup codes for Example?');
    // The result is a change of the same region (not a role switch of the card).
    notice.done('Saved 10 backup codes.');
    vi.advanceTimersByTime(500);
    expect(live(root)).toEqual([region]);
    expect(region?.textContent).toBe('Saved 10 backup codes.');
  });

  it('the QR overlay has its live region from the start; a result card sets its text, no region arrives filled', () => {
    const target = document.createElement('img');
    document.body.append(target);
    const overlay = showOverlay(target, 'Add to ClickAuth', () => undefined);
    const root = shadows.at(-1)!;
    const regions = live(root);
    expect(regions).toHaveLength(1);
    expect(regions[0]!.textContent).toBe('');
    overlay.toast('Added Example.', () => undefined, true);
    expect(live(root)).toEqual(regions);
    vi.advanceTimersByTime(500);
    expect(regions[0]!.textContent).toBe('Added Example.');
    overlay.ask('Replace the old key?', [['Replace', () => undefined]]);
    expect(root.querySelector('[role=alertdialog]')).toBeNull();
    vi.advanceTimersByTime(500);
    expect(regions[0]!.textContent).toBe('Replace the old key?');
    overlay.remove();
  });
});
