/**
 * The popup's capture confirmation: a QR read from a screenshot of a page is added only here, bound
 * to no site unless the user ticks "Use it on <site>" (unticked at first).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBackground } from './fake-api';
import { button, click, mount, msg, unmount } from './helpers';

afterEach(unmount);

async function asking(batch = false) {
  const api = new FakeBackground();
  api.state = 'unlocked';
  api.capture = { token: 'tok-1', host: 'login.evil.test', site: 'evil.test', issuer: 'Victim Bank', account: 'uma@victim.test', count: batch ? 3 : 1, batch };
  const el = await mount(api);
  return { api, el };
}

describe('capture confirmation panel', () => {
  it('names the page and its site, warns, and starts unticked', async () => {
    const { el } = await asking();
    const panel = el.querySelector('[data-testid=capture-panel]')!;
    expect(panel.querySelector('h2')?.textContent).toBe(msg('captureTitle', 'login.evil.test'));
    expect(panel.querySelector('[data-testid=capture-site]')?.textContent).toBe('evil.test');
    expect(panel.textContent).toContain(msg('captureWarning', 'evil.test'));
    expect(panel.textContent).toContain('Victim Bank · uma@victim.test');
    expect((panel.querySelector('input[type=checkbox]') as HTMLInputElement).checked).toBe(false);
    // The list waits until the question is answered.
    expect(el.querySelector('[data-testid=account]')).toBeNull();
  });

  it('Add without the tick adds unbound; the panel closes with a toast', async () => {
    const { api, el } = await asking();
    await click(button(el, msg('captureAdd')));
    expect(api.captureAnswers).toEqual([{ token: 'tok-1', bind: false }]);
    expect(el.querySelector('[data-testid=capture-panel]')).toBeNull();
    expect(el.querySelector('.toast')?.textContent).toContain(msg('captureAdded'));
  });

  it('ticking "Use it on <site>" binds', async () => {
    const { api, el } = await asking();
    await click(el.querySelector('[data-testid=capture-panel] input[type=checkbox]'));
    await click(button(el, msg('captureAdd')));
    expect(api.captureAnswers).toEqual([{ token: 'tok-1', bind: true }]);
    expect(el.querySelector('.toast')?.textContent).toContain(msg('captureAddedBound', 'evil.test'));
  });

  it('Cancel adds nothing', async () => {
    const { api, el } = await asking();
    await click(button(el, msg('cancel')));
    expect(api.captureAnswers).toEqual([{ token: 'tok-1', bind: null }]);
    expect(el.querySelector('[data-testid=capture-panel]')).toBeNull();
  });

  it('an export offers no binding', async () => {
    const { api, el } = await asking(true);
    expect(el.querySelector('[data-testid=capture-panel] input[type=checkbox]')).toBeNull();
    expect(el.textContent).toContain(msg('captureKeys', '3'));
    await click(button(el, msg('captureAdd')));
    expect(api.captureAnswers).toEqual([{ token: 'tok-1', bind: false }]);
  });
});
