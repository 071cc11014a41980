/** HOTP in the popup: copying takes the code and moves the counter on once; next code by keyboard; counter edit. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBackground, withVault } from '../../adapter/background';
import { button, click, mount, msg, submit, type, unmount } from './helpers';

afterEach(() => {
  unmount();
  vi.useRealTimers();
});

const URI = 'otpauth://hotp/Counter:zoe?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Counter&counter=0';
// RFC 4226 appendix D, counters 0, 1 and 5.
const [AT0, AT1, AT5] = ['755 224', '287 082', '254 676'];

async function withHotp() {
  const bg = await withVault(await startBackground(), [URI]);
  const el = await mount(bg.api);
  const counter = async () => (await bg.accounts())[0]?.counter;
  return { bg, el, counter, shown: () => el.querySelector('[data-testid=code]')?.textContent };
}

describe('popup HOTP', () => {
  it('a click copies the code at the counter, advances it once through hotp-use, and shows the next one', async () => {
    const { bg, el, counter, shown } = await withHotp();
    expect(shown()).toBe(AT0);
    await click(el.querySelector('.copy'));
    expect(bg.clipboard).toEqual([AT0.replace(' ', '')]);
    const [account] = await bg.accounts();
    expect(bg.sent.filter((m) => m.type === 'accounts/hotp-use')).toEqual([
      { type: 'accounts/hotp-use', id: account!.id },
    ]);
    expect(await counter()).toBe(1);
    expect(shown()).toBe(AT1);
  });

  it('"next code" is in the tab order of the focused row and works with Enter', async () => {
    const { el, counter, shown } = await withHotp();
    const next = button(el, msg('hotpNext'))!;
    expect(next.tabIndex).toBe(0);
    // A keyboard user activates a focused button with Enter: the browser turns it into a click.
    next.focus();
    expect(document.activeElement).toBe(next);
    await click(next);
    expect(await counter()).toBe(1);
    expect(shown()).toBe(AT1);
  });

  it('the counter can be raised in the details, not lowered', async () => {
    const { el, counter, shown } = await withHotp();
    await click(button(el, msg('accountDetails', 'Counter')));
    const field = [...el.querySelectorAll('form.panel label')]
      .find((l) => l.textContent?.startsWith(msg('fieldCounter')))
      ?.querySelector('input');
    expect(field?.value).toBe('0');
    await type(field, '5');
    await submit(el.querySelector('form.panel'));
    expect(await counter()).toBe(5);
    expect(shown()).toBe(AT5);

    await click(button(el, msg('accountDetails', 'Counter')));
    const again = [...el.querySelectorAll('form.panel label')]
      .find((l) => l.textContent?.startsWith(msg('fieldCounter')))
      ?.querySelector('input');
    await type(again, '2');
    await submit(el.querySelector('form.panel'));
    expect(el.querySelector('form.panel [role=alert]')?.textContent).toBe(msg('counterHint'));
    expect(await counter()).toBe(5);
  });

  it('a TOTP account has no counter field', async () => {
    const bg = await withVault(await startBackground(), [
      'otpauth://totp/Mail:zoe?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Mail',
    ]);
    const el = await mount(bg.api);
    await click(button(el, msg('accountDetails', 'Mail')));
    expect(el.textContent).not.toContain(msg('fieldCounter'));
  });
});
