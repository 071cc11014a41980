import { afterEach, describe, expect, it } from 'vitest';
import { FakeOptionsApi } from './fake-api';
import { button, idle, mountOptions, msg, pickFile, submit, textOf, type, unmountOptions } from './helpers';
import { act } from 'preact/test-utils';

afterEach(unmountOptions);

const exportSection = (el: HTMLElement) => el.querySelector('section[aria-labelledby=export-title]')!;
const verifySection = (el: HTMLElement) => el.querySelector('section[aria-labelledby=verify-title]')!;

async function check(input: Element | null | undefined) {
  await act(async () => {
    (input as HTMLInputElement).click();
  });
}

const radio = (el: HTMLElement, kind: string) => exportSection(el).querySelector(`input[value=${kind}]`);

describe('options: export and backup', () => {
  it('encrypted backup with the master password by default: downloads the file and refreshes the reminder', async () => {
    const api = new FakeOptionsApi();
    const el = await mountOptions(api);
    const statusCalls = api.calls.filter((c) => c === 'backup-status').length;
    await type(el.querySelector('[data-testid=export-master]'), api.password);
    await submit(exportSection(el).querySelector('form'));
    await idle();
    expect(api.calls).toContain('export:clickauth-backup:master');
    expect(api.downloads.map((d) => d.filename)).toEqual(['clickauth-backup.json']);
    expect(textOf(exportSection(el).querySelector('[role=status]'))).toBe(
      msg('exportDone', 'clickauth-backup.json', '0'),
    );
    expect(api.calls.filter((c) => c === 'backup-status').length).toBe(statusCalls + 1);
    expect((el.querySelector('[data-testid=export-master]') as HTMLInputElement).value).toBe('');
  });

  it('"Protect this file with": master password by default; a different password must be repeated and meet the policy before anything is sent', async () => {
    const api = new FakeOptionsApi();
    const el = await mountOptions(api);
    await check(radio(el, 'aegis-encrypted'));
    const protect = exportSection(el).querySelector('[data-testid=export-protect]')!;
    expect(textOf(protect.querySelector('legend'))).toBe(msg('exportProtectLegend'));
    expect([...protect.querySelectorAll('label')].map(textOf)).toEqual([
      msg('exportProtectMaster'),
      msg('exportProtectOther'),
    ]);
    expect((protect.querySelector('input[value=master]') as HTMLInputElement).checked).toBe(true);
    expect(exportSection(el).querySelector('[data-testid=export-file-password]')).toBeNull();
    await check(protect.querySelector('input[value=other]'));
    await type(el.querySelector('[data-testid=export-master]'), api.password);
    const own = exportSection(el).querySelector('[data-testid=export-file-password]');
    const repeat = exportSection(el).querySelector('[data-testid=export-file-repeat]');
    await type(own, 'another strong pass');
    await type(repeat, 'another strong pas');
    await submit(exportSection(el).querySelector('form'));
    expect(textOf(exportSection(el).querySelector('[role=alert]'))).toBe(msg('setupMismatch'));
    for (const [weak, key] of [
      ['short', 'passwordTooShort'],
      ['aaaaaaaaaaaa', 'passwordTooSimple'],
      ['password1234', 'passwordTooCommon'],
    ] as const) {
      await type(own, weak);
      await type(repeat, weak);
      await submit(exportSection(el).querySelector('form'));
      expect(textOf(exportSection(el).querySelector('[role=alert]'))).toBe(msg(key));
    }
    expect(api.calls.filter((c) => c.startsWith('export'))).toEqual([]);
    await type(own, 'another strong pass');
    await type(repeat, 'another strong pass');
    await submit(exportSection(el).querySelector('form'));
    await idle();
    expect(api.calls).toContain('export:aegis-encrypted:own');
    expect(api.requests.at(-1)).toEqual({
      kind: 'aegis-encrypted',
      masterPassword: api.password,
      filePassword: 'another strong pass',
    });
  });

  it('switching back to "my master password" sends no file password', async () => {
    const api = new FakeOptionsApi();
    const el = await mountOptions(api);
    const protect = () => exportSection(el).querySelector('[data-testid=export-protect]')!;
    await check(protect().querySelector('input[value=other]'));
    await type(exportSection(el).querySelector('[data-testid=export-file-password]'), 'x');
    await check(protect().querySelector('input[value=master]'));
    expect(textOf(exportSection(el).querySelector('.hint'))).toBe(msg('exportSamePasswordHint'));
    await type(el.querySelector('[data-testid=export-master]'), api.password);
    await submit(exportSection(el).querySelector('form'));
    await idle();
    expect(api.requests).toEqual([{ kind: 'clickauth-backup', masterPassword: api.password }]);
  });

  it('the plaintext list offers no file password at all', async () => {
    const api = new FakeOptionsApi();
    const el = await mountOptions(api);
    await check(radio(el, 'otpauth-list'));
    expect(exportSection(el).querySelector('[data-testid=export-protect]')).toBeNull();
  });

  it('the plaintext list shows a warning, needs it acknowledged, and a wrong master password is refused', async () => {
    const api = new FakeOptionsApi();
    const el = await mountOptions(api);
    expect(el.querySelector('[data-testid=plain-warning]')).toBeNull();
    await check(radio(el, 'otpauth-list'));
    expect(textOf(el.querySelector('[data-testid=plain-warning] p'))).toBe(msg('exportPlainWarning'));
    await type(el.querySelector('[data-testid=export-master]'), 'not my password');
    expect(button(exportSection(el), msg('exportSubmit'))?.disabled).toBe(true);
    await check(el.querySelector('[data-testid=plain-warning] input[type=checkbox]'));
    await submit(exportSection(el).querySelector('form'));
    await idle();
    expect(textOf(exportSection(el).querySelector('[role=alert]'))).toBe(msg('error_vault_wrong_password'));
    expect(api.downloads).toEqual([]);
  });

  it.each([
    [{ lastBackupAt: null, addedSince: 3 }, 'backupNotBackedUp', '3'],
    [{ lastBackupAt: Date.UTC(2026, 0, 2), addedSince: 2 }, 'backupAddedSince', '2'],
  ])('backup reminder %#', async (status, key, count) => {
    const api = new FakeOptionsApi();
    api.backup = status;
    const el = await mountOptions(api);
    expect(textOf(el.querySelector('[data-testid=backup-added-since]'))).toBe(msg(key, count));
  });

  it('no reminder line when nothing was added since the last backup; a note when locked', async () => {
    const api = new FakeOptionsApi();
    api.backup = { lastBackupAt: Date.UTC(2026, 0, 2), addedSince: 0 };
    api.state = 'locked';
    const el = await mountOptions(api);
    expect(el.querySelector('[data-testid=backup-added-since]')).toBeNull();
    // The time of the last backup only: how many accounts it held is not kept (it would be readable at rest).
    expect(textOf(el.querySelector('[data-testid=backup-reminder] p'))).toBe(
      msg('backupLast', new Date(Date.UTC(2026, 0, 2)).toLocaleString()),
    );
    expect(textOf(el.querySelector('[data-testid=locked-note]'))).toBe(msg('optionsLockedNote'));
  });

  it('verify backup: shows the counts, or why it failed', async () => {
    const api = new FakeOptionsApi();
    api.verifyAnswer = { same: 4, missing: 1, extra: 2, olderCounter: 0 };
    const el = await mountOptions(api);
    await pickFile(
      el.querySelector('[data-testid=verify-file]'),
      new File(['{"format":"clickauth-backup"}'], 'backup.json'),
    );
    await type(verifySection(el).querySelector('input[type=password]'), 'wrong');
    await submit(verifySection(el).querySelector('form'));
    await idle();
    expect(textOf(verifySection(el).querySelector('[role=alert]'))).toBe(msg('error_import_wrong_password'));
    await type(verifySection(el).querySelector('input[type=password]'), 'backup password');
    await submit(verifySection(el).querySelector('form'));
    await idle();
    const result = el.querySelector('[data-testid=verify-result]');
    expect(textOf(result?.querySelector('p'))).toBe(msg('verifyResult', '4', '1', '2'));
    expect(textOf(result?.querySelector('.error'))).toBe(msg('verifyMissing'));
    expect(el.querySelector('[data-testid=verify-older-counter]')).toBeNull();
  });

  it('verify backup: HOTP accounts held at an older counter are said so, and the backup is complete', async () => {
    const api = new FakeOptionsApi();
    api.verifyAnswer = { same: 3, missing: 0, extra: 0, olderCounter: 1 };
    const el = await mountOptions(api);
    await pickFile(
      el.querySelector('[data-testid=verify-file]'),
      new File(['{"format":"clickauth-backup"}'], 'backup.json'),
    );
    await type(verifySection(el).querySelector('input[type=password]'), 'backup password');
    await submit(verifySection(el).querySelector('form'));
    await idle();
    const result = el.querySelector('[data-testid=verify-result]');
    expect(textOf(result?.querySelector('.saved'))).toBe(msg('verifyComplete'));
    expect(result?.querySelector('.error')).toBeNull();
    expect(textOf(result?.querySelector('[data-testid=verify-older-counter]'))).toBe(msg('verifyOlderCounter', '1'));
    expect(msg('verifyOlderCounter', '1')).toContain('1');
  });

  it("while busy, export and verify each say what they are doing (not the import section's words)", async () => {
    const api = new FakeOptionsApi();
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    const exportFile = api.exportFile;
    const verifyBackup = api.verifyBackup;
    api.exportFile = async (request) => (await held, exportFile(request));
    api.verifyBackup = async (payload) => (await held, verifyBackup(payload));
    const el = await mountOptions(api);
    await type(el.querySelector('[data-testid=export-master]'), api.password);
    await submit(exportSection(el).querySelector('form'));
    expect(textOf(exportSection(el).querySelector('button[type=submit]'))).toBe(msg('exportBusy'));
    await pickFile(
      el.querySelector('[data-testid=verify-file]'),
      new File(['{"format":"clickauth-backup"}'], 'backup.json'),
    );
    await type(verifySection(el).querySelector('input[type=password]'), 'backup password');
    await submit(verifySection(el).querySelector('form'));
    expect(textOf(verifySection(el).querySelector('button[type=submit]'))).toBe(msg('verifyBusy'));
    expect(msg('exportBusy')).not.toBe('');
    expect(msg('verifyBusy')).not.toBe('');
    release();
    await idle();
    expect(textOf(exportSection(el).querySelector('button[type=submit]'))).toBe(msg('exportSubmit'));
  });

  it('keeps the auto-lock setting', async () => {
    const api = new FakeOptionsApi();
    const el = await mountOptions(api);
    const select = el.querySelector('[data-testid=auto-lock]') as HTMLSelectElement;
    expect(select.value).toBe('15');
    await type(select, '5');
    expect(api.settingsValue).toEqual({ autoLockMinutes: 5, autofill: true });
  });
});
