/**
 * Options import preview (issue 13): an entry that is a new key for an account the vault has (same
 * issuer and name, another secret) is marked, and the user chooses "Replace the old one" or "Keep both"
 * (the default). The choice goes to import/commit as the entry's position.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeOptionsApi } from './fake-api';
import { button, click, idle, mountOptions, msg, submit, textOf, type, unmountOptions } from './helpers';
import { parseOtpauthUri } from '../../../src/core/otpauth-uri';
import { addAccount } from '../../../src/core/vault';

afterEach(unmountOptions);

const OLD = 'otpauth://totp/Mail%20Machine:zoe?secret=JBSWY3DPEHPK3PXP&issuer=Mail%20Machine';
const LIST = [
  'otpauth://totp/Other:amy?secret=GEZDGNBVGY3TQOJQ&issuer=Other',
  'otpauth://totp/Mail%20Machine:zoe?secret=KRSXG5CTMVRXEZLU&issuer=Mail%20Machine',
].join('\n');

async function previewed() {
  const api = new FakeOptionsApi();
  api.vault = addAccount(api.vault, parseOtpauthUri(OLD), { now: 0 }).vault;
  const el = await mountOptions(api);
  await type(el.querySelector('[data-testid=import-text]'), LIST);
  await submit(el.querySelector('section[aria-labelledby=import-title] form'));
  await idle();
  return {
    api,
    el,
    marked: () =>
      [...el.querySelectorAll('[data-testid=preview-add] li')].map(
        (li) => li.querySelector('[data-testid=preview-replaces]') !== null,
      ),
  };
}

const radio = (el: HTMLElement, label: string) =>
  [...el.querySelectorAll('[data-testid=preview-replaces] label')]
    .find((l) => textOf(l) === label)!
    .querySelector('input') as HTMLInputElement;

describe('options: import of a new key for an account you have', () => {
  it('the entry is marked with the choice, "Keep both" chosen; the other entry is not marked', async () => {
    const { el, marked } = await previewed();
    expect(marked()).toEqual([false, true]);
    const fieldset = el.querySelector('[data-testid=preview-replaces]')!;
    expect(textOf(fieldset.querySelector('legend'))).toBe(msg('importReenrollTag'));
    expect(radio(el, msg('importReenrollKeep')).checked).toBe(true);
    expect(radio(el, msg('importReenrollReplace')).checked).toBe(false);
  });

  it('"Replace the old one" sends that entry\'s position with the commit', async () => {
    const { api, el } = await previewed();
    await click(radio(el, msg('importReenrollReplace')));
    await click(button(el, msg('importConfirm', '2')));
    await idle();
    expect(api.calls).toContain('commit:preview-1:2:replace=1');
  });

  it('control: keeping both sends no replacement', async () => {
    const { api, el } = await previewed();
    await click(button(el, msg('importConfirm', '2')));
    await idle();
    expect(api.calls).toContain('commit:preview-1:2');
  });
});
