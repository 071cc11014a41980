/**
 * The popup's vault notices over the real background (tests/adapter): the backup prompt's 7-day rule
 * and its dismissal are the background's, the recovered notice comes from a real damaged vault blob.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from '@webext-core/fake-browser';
import { VaultNotices } from '../../../src/popup/vault-notices';
import { createNoticesPort } from '../../../src/popup/client';
import { BACKUP_PROMPT_AFTER_MS } from '../../../src/background/handlers/restore/backup-prompt';
import { NOW, startBackground, withVault, type Background } from '../../adapter/background';
import { msg, settle, t } from './helpers';

const PASSWORD = 'correct horse battery';
const uris = [
  'otpauth://totp/Acme:a@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme',
  'otpauth://totp/Beta:b@example.com?secret=KRSXG5CTMVRXEZLU&issuer=Beta',
];

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
  vi.useRealTimers();
});

async function mount(bg: Background) {
  const opened: string[] = [];
  const port = createNoticesPort(bg.send, () => void opened.push('export'));
  root = document.createElement('main');
  document.body.append(root);
  await act(async () => render(<VaultNotices port={port} t={t} />, root!));
  await settle();
  return { el: root, opened };
}

/** Two accounts added at NOW, the popup opened `days` later. */
async function accountsAged(days: number) {
  const bg = await withVault(await startBackground(), uris);
  vi.setSystemTime(NOW + days * 24 * 60 * 60_000);
  return bg;
}

describe('popup: vault notices', () => {
  it('accounts in no backup for a week: one line that leads to the export', async () => {
    const bg = await accountsAged(BACKUP_PROMPT_AFTER_MS / 86_400_000 + 1);
    const { el, opened } = await mount(bg);
    const line = el.querySelector('[data-testid=backup-prompt]')!;
    expect(line.textContent).toContain(msg('backupPromptText', '2'));
    await act(async () => line.querySelector('button')!.click());
    expect(opened).toEqual(['export']);
  });

  it('"Remind me later" hides it, and the background keeps it away for a week', async () => {
    const bg = await accountsAged(8);
    const { el } = await mount(bg);
    await act(async () =>
      [...el.querySelectorAll<HTMLButtonElement>('[data-testid=backup-prompt] button')].at(-1)!.click(),
    );
    await settle();
    expect(el.querySelector('[data-testid=backup-prompt]')).toBeNull();
    expect(bg.sent.map((m) => m.type)).toContain('backup/prompt-dismiss');
    expect(await bg.send({ type: 'backup/prompt' })).toEqual({ due: false, count: 2 });
    vi.setSystemTime(NOW + 16 * 24 * 60 * 60_000);
    expect(await bg.send({ type: 'backup/prompt' })).toEqual({ due: true, count: 2 });
  });

  it('accounts added less than a week ago: nothing shown (control: the same vault a week later shows the prompt)', async () => {
    const bg = await accountsAged(3);
    const { el } = await mount(bg);
    expect(el.textContent).toBe('');
    render(null, el);
    vi.setSystemTime(NOW + 8 * 24 * 60 * 60_000);
    const shown = await mount(bg);
    expect(shown.el.querySelector('[data-testid=backup-prompt]')).not.toBeNull();
  });

  it('a damaged current blob: the vault opens its previous save and the popup says so once', async () => {
    const bg = await withVault(await startBackground(), uris, { locked: true });
    await fakeBrowser.storage.local.set({ 'vault.current': 'AAAA' });
    await bg.send({ type: 'vault/unlock', password: PASSWORD });
    const { el } = await mount(bg);
    const notice = el.querySelector('[data-testid=recovered-notice]')!;
    expect(notice.textContent).toContain(msg('vaultRecovered', new Date(NOW).toLocaleString()));
    await act(async () => notice.querySelector<HTMLButtonElement>('button')!.click());
    expect(el.querySelector('[data-testid=recovered-notice]')).toBeNull();
    expect(await bg.send({ type: 'vault/recovery' })).toEqual({ recoveredAt: null });
  });
});
