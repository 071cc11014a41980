import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { VaultNotices, type NoticesPort } from '../../../src/popup/vault-notices';
import type { BackupPrompt } from '../../../src/shared/protocol-restore';
import { msg, settle, t } from './helpers';

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

function fakePort(prompt: BackupPrompt, recoveredAt: number | null = null) {
  const calls: string[] = [];
  const port: NoticesPort = {
    backupPrompt: async () => (calls.push('prompt'), prompt),
    dismissBackupPrompt: async () => void calls.push('dismiss'),
    recovery: async () => (calls.push('recovery'), { recoveredAt }),
    openExport: () => void calls.push('open-export'),
  };
  return { port, calls };
}

async function mount(port: NoticesPort): Promise<HTMLElement> {
  root = document.createElement('main');
  document.body.append(root);
  await act(async () => render(<VaultNotices port={port} t={t} />, root!));
  await settle();
  return root;
}

describe('popup: vault notices', () => {
  it('a due backup prompt is one line that leads to the export', async () => {
    const { port, calls } = fakePort({ due: true, count: 3 });
    const el = await mount(port);
    const line = el.querySelector('[data-testid=backup-prompt]')!;
    expect(line.textContent).toContain(msg('backupPromptText', '3'));
    await act(async () => line.querySelector('button')!.click());
    expect(calls).toContain('open-export');
  });

  it('"Remind me later" hides it and tells the background', async () => {
    const { port, calls } = fakePort({ due: true, count: 1 });
    const el = await mount(port);
    await act(async () => [...el.querySelectorAll<HTMLButtonElement>('[data-testid=backup-prompt] button')].at(-1)!.click());
    await settle();
    expect(el.querySelector('[data-testid=backup-prompt]')).toBeNull();
    expect(calls).toContain('dismiss');
  });

  it('nothing due, nothing recovered: shows nothing (control: the same port with a due prompt shows it)', async () => {
    const el = await mount(fakePort({ due: false, count: 5 }).port);
    expect(el.textContent).toBe('');
    render(null, el);
    const shown = await mount(fakePort({ due: true, count: 5 }).port);
    expect(shown.querySelector('[data-testid=backup-prompt]')).not.toBeNull();
  });

  it('says that the vault was recovered from its previous save', async () => {
    const at = Date.UTC(2026, 11, 5, 10);
    const el = await mount(fakePort({ due: false, count: 0 }, at).port);
    expect(el.querySelector('[data-testid=recovered-notice]')!.textContent).toContain(msg('vaultRecovered', new Date(at).toLocaleString()));
    await act(async () => el.querySelector<HTMLButtonElement>('[data-testid=recovered-notice] button')!.click());
    expect(el.querySelector('[data-testid=recovered-notice]')).toBeNull();
  });
});
