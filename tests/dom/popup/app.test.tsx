import { afterEach, describe, expect, it } from 'vitest';
import { FakeBackground } from './fake-api';
import { button, click, mount, msg, submit, type, unmount } from './helpers';

afterEach(unmount);

describe('popup: first run and unlock', () => {
  it('says so when the background does not answer', async () => {
    const api = new FakeBackground();
    api.info = () => Promise.reject(new Error('gone'));
    const el = await mount(api);
    expect(el.querySelector('[role=alert]')?.textContent).toBe(msg('errorBackgroundUnavailable'));
  });

  it('first run: rejects a trivial or mismatched password, then creates the vault', async () => {
    const api = new FakeBackground();
    const el = await mount(api);
    const [pw, repeat] = el.querySelectorAll('input[type=password]');
    await type(pw, 'short');
    await submit(el.querySelector('form'));
    expect(el.querySelector('[role=alert]')?.textContent).toBe(msg('passwordTooShort'));
    expect(api.calls).toEqual([]);
    await type(pw, 'correct horse battery');
    await type(repeat, 'correct horse battery!');
    await submit(el.querySelector('form'));
    expect(el.querySelector('[role=alert]')?.textContent).toBe(msg('setupMismatch'));
    await type(repeat, 'correct horse battery');
    await submit(el.querySelector('form'));
    expect(api.calls).toEqual(['create']);
    expect(el.querySelector('[data-testid=empty-vault] p')?.textContent).toBe(msg('listEmpty'));
  });

  it('locked: a wrong password shows a message, the right one shows the accounts and codes', async () => {
    const api = new FakeBackground();
    api.password = 'correct horse battery';
    await api.addUri('otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example');
    api.state = 'locked';
    const el = await mount(api);
    expect(el.querySelector('[data-testid=code]')).toBeNull();
    await type(el.querySelector('input[type=password]'), 'wrong password!');
    await submit(el.querySelector('form'));
    expect(el.querySelector('[role=alert]')?.textContent).toBe(msg('error_vault_wrong_password'));
    await type(el.querySelector('input[type=password]'), 'correct horse battery');
    await submit(el.querySelector('form'));
    expect(el.querySelector('.issuer')?.textContent).toBe('Example');
    expect(el.querySelector('.name')?.textContent).toBe('alice@example.com');
    const code = (await api.codes(['id-1']))[0]!.code;
    expect(el.querySelector('[data-testid=code]')?.textContent).toBe(`${code.slice(0, 3)} ${code.slice(3)}`);
  });

  it('lock returns to the password prompt', async () => {
    const api = new FakeBackground();
    api.state = 'unlocked';
    api.password = 'x';
    const el = await mount(api);
    await click(button(el, msg('lock')));
    expect(el.querySelector('#unlock-title')?.textContent).toBe(msg('unlockTitle'));
  });
});

describe('popup: adding accounts', () => {
  async function openAdd(api: FakeBackground) {
    api.state = 'unlocked';
    const el = await mount(api);
    await click(button(el, msg('addTitle')));
    return el;
  }

  it('a malformed URI shows the error and adds nothing', async () => {
    const api = new FakeBackground();
    const el = await openAdd(api);
    await type(el.querySelector('.add input'), 'otpauth://totp/X?secret=1NVALID');
    await submit(el.querySelector('form.add'));
    expect(el.querySelector('.add [role=alert]')?.textContent).toBe(msg('error_uri_bad_secret'));
    expect(api.accounts).toHaveLength(0);
  });

  it('a key typed by hand: field-level error for a bad key, then added', async () => {
    const api = new FakeBackground();
    const el = await openAdd(api);
    await click(button(el, msg('addMode_key')));
    const inputs = el.querySelectorAll('form.add input');
    await type(inputs[0], 'Example');
    await type(inputs[1], 'alice');
    await type(inputs[2], 'not base32!');
    await submit(el.querySelector('form.add'));
    expect(el.querySelector('#err-secret')?.textContent).toBe(msg('error_uri_bad_secret'));
    expect(inputs[2]?.getAttribute('aria-invalid')).toBe('true');
    await type(inputs[2], 'JBSW Y3DP EHPK 3PXP');
    await submit(el.querySelector('form.add'));
    expect(api.accounts.map((a) => a.issuer)).toEqual(['Example']);
    expect(el.querySelector('.toast')?.textContent).toContain(msg('addedCountOne', '1'));
  });

  it('scan this page explains a QR that is not an authenticator key', async () => {
    const api = new FakeBackground();
    api.scanResult = { found: 1, added: [], notAuthenticator: 1, duplicates: 0 };
    const el = await openAdd(api);
    await click(button(el, msg('addMode_scan')));
    await click(button(el, msg('scanSubmit')));
    expect(el.querySelector('.add [role=alert]')?.textContent).toBe(msg('scanNotAuthenticator'));
  });
});
