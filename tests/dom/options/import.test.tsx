import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { FakeOptionsApi } from './fake-api';
import {
  button,
  click,
  dropFile,
  idle,
  mountOptions,
  msg,
  pickFile,
  submit,
  textOf,
  type,
  unmountOptions,
} from './helpers';
import { MAX_IMPORT_BYTES } from '../../../src/core/formats';
import { parseOtpauthUri } from '../../../src/core/otpauth-uri';
import { addAccount } from '../../../src/core/vault';
import { MAX_FILE_BYTES } from '../../../src/options/read-file';
import { AEGIS_DIR, peerFixturesPresent } from '../../peer-fixtures';

afterEach(unmountOptions);

it('the page refuses files at the same size as the format layer', () => {
  expect(MAX_FILE_BYTES).toBe(MAX_IMPORT_BYTES);
});

const AEGIS = AEGIS_DIR;
/** Tests over the GPL peer fixtures run only when ../shared/peer-fixtures is there. */
const itPeer = it.skipIf(!peerFixturesPresent);
const uri = (issuer: string, secret: string) =>
  `otpauth://totp/${issuer}:me@example.com?secret=${secret}&issuer=${issuer}`;
const LIST = [
  uri('Alpha', 'JBSWY3DPEHPK3PXP'),
  uri('Beta', 'KRSXG5CTMVRXEZLU'),
  uri('Gamma', 'GEZDGNBVGY3TQOJQ'),
  uri('Again', 'KRSXG5CTMVRXEZLU'),
  'otpauth://totp/Broken:me?secret=not*base32',
].join('\n');

const section = (el: HTMLElement) => el.querySelector('section[aria-labelledby=import-title]')!;
const alertText = (el: Element) => textOf(el.querySelector('[role=alert]'));

async function withVaultAccount(api: FakeOptionsApi, text: string) {
  api.vault = addAccount(api.vault, parseOtpauthUri(text), { now: 0 }).vault;
}

const peerBadFiles: [string, File, string][] = peerFixturesPresent
  ? [
      [
        'a truncated JSON export',
        new File([readFileSync(`${AEGIS}/aegis_plain.json`, 'utf8').slice(0, 200)], 'aegis.json'),
        'error_import_corrupt',
      ],
    ]
  : [];

describe('options: import', () => {
  it('pasted text: preview lists additions, duplicates (vault and file) and what cannot be imported, then commits and undoes', async () => {
    const api = new FakeOptionsApi();
    await withVaultAccount(api, uri('Alpha', 'JBSWY3DPEHPK3PXP'));
    const el = await mountOptions(api);
    await type(el.querySelector('[data-testid=import-text]'), LIST);
    await submit(section(el).querySelector('form'));
    await idle();
    const preview = el.querySelector('[data-testid=import-preview]')!;
    expect(textOf(preview.querySelector('h3'))).toBe(msg('importPreviewAdd', '2'));
    expect([...preview.querySelectorAll('[data-testid=preview-add] li')].map(textOf)).toEqual([
      'Beta: me@example.com',
      'Gamma: me@example.com',
    ]);
    const duplicates = [...preview.querySelectorAll('[data-testid=preview-duplicates] li')].map(textOf);
    expect(duplicates).toEqual([
      `Alpha: me@example.com — ${msg('importDuplicateVault')}`,
      `Again: me@example.com — ${msg('importDuplicateFile')}`,
    ]);
    expect(textOf(preview.querySelector('[data-testid=preview-skipped] li'))).toBe(
      `line 5 — ${msg('error_uri_bad_secret')}`,
    );
    expect(api.vault.accounts).toHaveLength(1);

    await click(button(el, msg('importConfirm', '2')));
    await idle();
    expect(api.calls).toContain('commit:preview-1:2');
    expect(api.vault.accounts.map((a) => a.issuer)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(textOf(section(el).querySelector('.saved'))).toContain(msg('importDone', '2'));
    await click(button(el, msg('undo')));
    await idle();
    expect(api.calls).toContain('undo:import-1');
    expect(api.vault.accounts.map((a) => a.issuer)).toEqual(['Alpha']);
    expect(textOf(section(el).querySelector('[role=status]'))).toBe(msg('importUndone', '2'));
  });

  itPeer('an encrypted file asks for its password; a wrong one says so, the right one previews', async () => {
    const api = new FakeOptionsApi();
    const el = await mountOptions(api);
    const file = new File([readFileSync(`${AEGIS}/aegis_encrypted.json`)], 'aegis_encrypted.json', {
      type: 'application/json',
    });
    await pickFile(el.querySelector('[data-testid=import-file]'), file);
    const form = el.querySelector('[data-testid=import-password]');
    expect(textOf(form?.querySelector('p'))).toBe(msg('importPasswordPrompt'));
    expect(el.querySelector('[role=alert]')).toBeNull();
    await type(form!.querySelector('input[type=password]'), 'wrong');
    await submit(form);
    await idle();
    expect(alertText(section(el))).toBe(msg('error_import_wrong_password'));
    await type(el.querySelector('[data-testid=import-password] input'), 'test');
    await submit(el.querySelector('[data-testid=import-password]'));
    await idle();
    expect(el.querySelectorAll('[data-testid=preview-add] li')).toHaveLength(7);
    expect(textOf(el.querySelector('[data-testid=import-preview] p'))).toBe(
      msg('importFormat', msg('formatEncrypted', 'Aegis')),
    );
    expect(api.calls).toEqual(expect.arrayContaining(['preview:text', 'preview:text:pw']));
  });

  itPeer(
    'the password is asked once: the commit names the preview and sends neither the file nor the password',
    async () => {
      const api = new FakeOptionsApi();
      const sent: unknown[] = [];
      const commit = api.importCommit;
      api.importCommit = async (request) => {
        sent.push(request);
        return commit(request);
      };
      const el = await mountOptions(api);
      const file = new File([readFileSync(`${AEGIS}/aegis_encrypted.json`)], 'aegis_encrypted.json', {
        type: 'application/json',
      });
      await pickFile(el.querySelector('[data-testid=import-file]'), file);
      await type(el.querySelector('[data-testid=import-password] input'), 'test');
      await submit(el.querySelector('[data-testid=import-password]'));
      await idle();
      await click(button(el, msg('importConfirm', '7')));
      await idle();
      expect(textOf(section(el).querySelector('.saved'))).toContain(msg('importDone', '7'));
      expect(el.querySelector('[data-testid=import-password]')).toBeNull();
      expect(api.calls.filter((c) => c.startsWith('preview') || c.startsWith('commit'))).toEqual([
        'preview:text',
        'preview:text:pw',
        'commit:preview-1:7',
      ]);
      expect(sent).toEqual([{ previewId: 'preview-1', expectedCount: 7 }]);
    },
  );

  it('an expired preview (vault locked, worker restarted) says so and goes back to choosing a file', async () => {
    const api = new FakeOptionsApi();
    const el = await mountOptions(api);
    await type(el.querySelector('[data-testid=import-text]'), uri('Solo', 'JBSWY3DPEHPK3PXP'));
    await submit(section(el).querySelector('form'));
    await idle();
    api.previews.clear();
    await click(button(el, msg('importConfirmOne', '1')));
    await idle();
    expect(alertText(section(el))).toBe(msg('error_import_expired'));
    expect(el.querySelector('[data-testid=import-preview]')).toBeNull();
    expect(api.vault.accounts).toHaveLength(0);
  });

  it.each<[string, File, string]>([
    [
      'a file in an unknown format',
      new File(['hello, this is a shopping list'], 'list.txt', { type: 'text/plain' }),
      'error_import_unrecognized',
    ],
    ...peerBadFiles,
    ['a file over 10 MB', new File([new Uint8Array(MAX_IMPORT_BYTES + 1)], 'huge.bin'), 'error_import_too_large'],
    [
      'a picture without a QR code',
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], 'photo.png', { type: 'image/png' }),
      'error_import_no_qr',
    ],
  ])('%s shows a clear message and changes nothing', async (_name, file, key) => {
    const api = new FakeOptionsApi();
    const el = await mountOptions(api);
    await pickFile(el.querySelector('[data-testid=import-file]'), file);
    expect(alertText(section(el))).toBe(msg(key));
    expect(el.querySelector('[data-testid=import-preview]')).toBeNull();
    expect(api.calls.filter((c) => c.startsWith('commit'))).toEqual([]);
    expect(api.vault.accounts).toHaveLength(0);
  });

  it('a QR code picture is decoded in the page and previewed', async () => {
    const api = new FakeOptionsApi();
    api.qrText = uri('Pictured', 'JBSWY3DPEHPK3PXP');
    const el = await mountOptions(api);
    await pickFile(
      el.querySelector('[data-testid=import-file]'),
      new File([new Uint8Array([0xff, 0xd8, 0xff, 0])], 'qr.jpg', { type: 'image/jpeg' }),
    );
    expect([...el.querySelectorAll('[data-testid=preview-add] li')].map(textOf)).toEqual(['Pictured: me@example.com']);
  });

  it('a text export saved as UTF-16 (Windows PowerShell, Notepad "Unicode") is previewed as text, no password asked', async () => {
    const api = new FakeOptionsApi();
    const el = await mountOptions(api);
    const text = `\uFEFF${uri('Wide', 'JBSWY3DPEHPK3PXP')}\r\n`;
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(2 * i, text.charCodeAt(i), true);
    await pickFile(el.querySelector('[data-testid=import-file]'), new File([bytes], 'accounts.txt'));
    expect(alertText(section(el))).toBe('');
    expect(el.querySelector('[data-testid=import-password]')).toBeNull();
    expect(api.calls).toContain('preview:text');
    expect([...el.querySelectorAll('[data-testid=preview-add] li')].map(textOf)).toEqual(['Wide: me@example.com']);
  });

  itPeer('a dropped file is imported like a picked one; a binary file travels as base64', async () => {
    const api = new FakeOptionsApi();
    const el = await mountOptions(api);
    await dropFile(
      el.querySelector('[data-testid=drop-zone]'),
      new File([readFileSync(`${AEGIS}/andotp_encrypted.bin`)], 'otp_accounts.json.aes'),
    );
    expect(alertText(section(el))).toBe('');
    expect(api.calls).toContain('preview:base64');
    expect(el.querySelector('[data-testid=import-password]')).not.toBeNull();
    await type(el.querySelector('[data-testid=import-password] input'), 'test');
    await submit(el.querySelector('[data-testid=import-password]'));
    await idle();
    expect(el.querySelectorAll('[data-testid=preview-add] li').length).toBeGreaterThan(0);
  });

  it('an unknown binary file is tried as andOTP: a wrong password says it may not be an andOTP backup, and asks again', async () => {
    const api = new FakeOptionsApi();
    const el = await mountOptions(api);
    const bytes = new Uint8Array(512).map((_, i) => (i * 167 + 13) & 0xff);
    bytes.set([0xab, 0xcd, 0xef, 0x01]); // not a plausible iteration count: one SHA-256, no PBKDF2
    await pickFile(el.querySelector('[data-testid=import-file]'), new File([bytes], 'backup.bin'));
    await type(el.querySelector('[data-testid=import-password] input'), 'wrong');
    await submit(el.querySelector('[data-testid=import-password]'));
    await idle();
    expect(alertText(section(el))).toBe(msg('error_import_andotp_wrong_password'));
    expect(el.querySelector('[data-testid=import-password]')).not.toBeNull();
    expect(api.vault.accounts).toHaveLength(0);
  });

  it('a failed commit keeps the preview, shows why, and adds nothing', async () => {
    const api = new FakeOptionsApi();
    api.commitFailure = 'import/changed';
    const el = await mountOptions(api);
    await type(el.querySelector('[data-testid=import-text]'), uri('Solo', 'JBSWY3DPEHPK3PXP'));
    await submit(section(el).querySelector('form'));
    await idle();
    await click(button(el, msg('importConfirmOne', '1')));
    await idle();
    expect(alertText(section(el))).toBe(msg('error_import_changed'));
    expect(el.querySelector('[data-testid=import-preview]')).not.toBeNull();
    expect(api.vault.accounts).toHaveLength(0);
  });

  it("a duplicate that brings the vault's copy a higher HOTP counter says so, and can be committed alone", async () => {
    const api = new FakeOptionsApi();
    const hotp = (counter: number) =>
      `otpauth://hotp/Bank:me@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Bank&counter=${counter}`;
    await withVaultAccount(api, hotp(3));
    const el = await mountOptions(api);
    await type(el.querySelector('[data-testid=import-text]'), hotp(20));
    await submit(section(el).querySelector('form'));
    await idle();
    expect(textOf(el.querySelector('[data-testid=preview-duplicates] li'))).toBe(
      `Bank: me@example.com — ${msg('importDuplicateVault')} · ${msg('importDuplicateCounter', '20')}`,
    );
    expect(el.querySelector('[data-testid=import-preview] [role=status]')).toBeNull();
    await click(button(el, msg('importConfirmUpdateOne', '1')));
    await idle();
    expect(api.vault.accounts.map((a) => a.counter)).toEqual([20]);
    expect(textOf(section(el).querySelector('.saved'))).toBe(msg('importUpdatedOne', '1'));
    expect(button(el, msg('undo'))).toBeFalsy();
  });

  it('a file with nothing new cannot be confirmed', async () => {
    const api = new FakeOptionsApi();
    await withVaultAccount(api, uri('Solo', 'JBSWY3DPEHPK3PXP'));
    const el = await mountOptions(api);
    await type(el.querySelector('[data-testid=import-text]'), uri('Solo', 'JBSWY3DPEHPK3PXP'));
    await submit(section(el).querySelector('form'));
    await idle();
    expect(textOf(el.querySelector('[data-testid=import-preview] [role=status]'))).toBe(msg('importNothingNew'));
    expect(button(el, msg('importConfirm', '0'))?.disabled).toBe(true);
  });
});
