/** The popup's panels keep what the user typed: the "/" shortcut, the Add panel's tabs. */
import { afterEach, describe, expect, it } from 'vitest';
import { startBackground, withVault } from '../../adapter/background';
import { button, click, key, mount, msg, submit, type, unmount } from './helpers';
import { MAX_BACKUP_CODE_LENGTH, updateAccount } from '../../../src/core/vault';

afterEach(unmount);

const HOTP = 'otpauth://hotp/Counter:zoe?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Counter&counter=0';
const TOTP = 'otpauth://totp/Mail:zoe?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Mail';

describe('popup panels', () => {
  it('"/" on a button of the edit form leaves the form and its unsaved edits alone', async () => {
    const bg = await withVault(await startBackground(), [TOTP]);
    const el = await mount(bg.api);
    await click(button(el, msg('accountDetails', 'Mail')));
    await type(el.querySelector('form.panel input'), 'Renamed');
    const save = button(el, msg('save'))!;
    save.focus();
    await key(save, '/');
    expect(el.querySelector<HTMLInputElement>('form.panel input')?.value).toBe('Renamed');
  });

  it('"/" in the Add panel leaves it open with what was typed', async () => {
    const bg = await withVault(await startBackground(), [TOTP]);
    const el = await mount(bg.api);
    await click(button(el, msg('addTitle')));
    await type(el.querySelector('form.add input'), 'otpauth://totp/New?secret=JBSWY3DPEHPK3PXP');
    await key(button(el, msg('close'))!, '/');
    expect(el.querySelector<HTMLInputElement>('form.add input')?.value).toBe(
      'otpauth://totp/New?secret=JBSWY3DPEHPK3PXP',
    );
  });

  it('"/" on the list focuses the search', async () => {
    const bg = await withVault(await startBackground(), [TOTP]);
    const el = await mount(bg.api);
    await key(el.querySelector('.copy')!, '/');
    expect(document.activeElement).toBe(el.querySelector('input[type=search]'));
  });
  it('Add panel: switching tabs keeps what was typed in each (the link, the key and its name)', async () => {
    const bg = await withVault(await startBackground(), [TOTP]);
    const el = await mount(bg.api);
    await click(button(el, msg('addTitle')));
    const tab = (mode: string) => click(button(el, msg(`addMode_${mode}`)));
    const field = (label: string) =>
      [...el.querySelectorAll('form.add label')]
        .find((l) => l.textContent?.startsWith(msg(label)))
        ?.querySelector('input');
    const link = 'otpauth://totp/New?secret=JBSWY3DPEHPK3PXP';
    await type(field('addUriLabel'), link);
    await tab('key');
    await type(field('fieldIssuer'), 'Shop');
    await type(field('fieldSecret'), 'JBSWY3DPEHPK3PXP');
    await tab('uri');
    expect(field('addUriLabel')?.value).toBe(link);
    await tab('scan');
    await tab('key');
    expect(field('fieldIssuer')?.value).toBe('Shop');
    expect(field('fieldSecret')?.value).toBe('JBSWY3DPEHPK3PXP');
  });
  it("a list of more than 100 backup codes (from an import, or a replaced key's codes merged in) can still be ticked off", async () => {
    const bg = await withVault(await startBackground(), [TOTP]);
    const id = (await bg.accounts())[0]!.id;
    const codes = Array.from({ length: 150 }, (_, i) => ({ code: `code-${String(i).padStart(3, '0')}`, used: false }));
    await bg.services.vault.mutate((data, now) => ({
      data: updateAccount(data, id, { backupCodes: codes }, { now }),
      result: null,
    }));
    const el = await mount(bg.api);
    await click(button(el, msg('accountDetails', 'Mail')));
    await click(el.querySelector('[data-testid=more-actions]'));
    await click(button(el, msg('backupCodesButton', '150')));
    await click(el.querySelector('.backup-codes input[type=checkbox]'));
    expect(el.querySelector('[role=alert]')).toBeNull();
    expect(el.querySelector('[data-testid=codes-remaining]')?.textContent).toBe(
      msg('backupCodesRemaining', '149', '150'),
    );
    const stored = await bg.services.vault.read((d) => d.accounts[0]!.backupCodes);
    expect(stored.filter((c) => c.used).map((c) => c.code)).toEqual(['code-000']);
  });

  it('a long recovery code (Tuta: 64 hex digits in groups of 4) is kept whole, not cut to 64 characters', async () => {
    const bg = await withVault(await startBackground(), [TOTP]);
    const el = await mount(bg.api);
    await click(button(el, msg('accountDetails', 'Mail')));
    await click(el.querySelector('[data-testid=more-actions]'));
    await click(button(el, msg('backupCodesButton', '0')));
    const recovery = Array.from({ length: 16 }, (_, i) => (0x1a2b + i * 0x1111).toString(16).slice(-4)).join(' ');
    expect(recovery).toHaveLength(79);
    await type(el.querySelector('.panel textarea'), recovery);
    await submit(el.querySelector('.panel form.add'));
    expect(el.querySelector('[role=alert]')).toBeNull();
    expect(await bg.services.vault.read((d) => d.accounts[0]!.backupCodes)).toEqual([{ code: recovery, used: false }]);
    expect(el.querySelector('.backup-codes code')?.textContent).toBe(recovery);
  });

  it('a backup code longer than any real one is refused with a clear message, and nothing is saved', async () => {
    const bg = await withVault(await startBackground(), [TOTP]);
    const el = await mount(bg.api);
    await click(button(el, msg('accountDetails', 'Mail')));
    await click(el.querySelector('[data-testid=more-actions]'));
    await click(button(el, msg('backupCodesButton', '0')));
    await type(el.querySelector('.panel textarea'), 'x'.repeat(MAX_BACKUP_CODE_LENGTH + 1));
    await submit(el.querySelector('.panel form.add'));
    expect(el.querySelector('[role=alert]')?.textContent).toBe(msg('error_backup_codes_too_long'));
    expect(msg('error_backup_codes_too_long')).not.toBe('');
    expect(await bg.services.vault.read((d) => d.accounts[0]!.backupCodes)).toEqual([]);
  });

  it('an open account deleted elsewhere: Back from its backup codes shows the list and says why, not a blank popup', async () => {
    const bg = await withVault(await startBackground(), [TOTP, HOTP]);
    const el = await mount(bg.api);
    await click(button(el, msg('accountDetails', 'Mail')));
    const id = (await bg.accounts()).find((a) => a.issuer === 'Mail')!.id;
    await bg.send({ type: 'accounts/delete', id }); // an options tab, another popup
    await click(el.querySelector('[data-testid=more-actions]'));
    await click(button(el, msg('backupCodesButton', '0')));
    await click(button(el, msg('back')));
    expect([...el.querySelectorAll('[data-testid=account]')].map((row) => row.textContent)).toEqual([
      expect.stringContaining('Counter'),
    ]);
    expect(el.querySelector('.toast')?.textContent).toBe(msg('accountGone'));
    expect(msg('accountGone')).not.toBe('');
  });
});
