/**
 * The import preview names where each account would fill codes (its sites' hosts): a crafted "backup"
 * that binds a "Google" account to a phishing host shows that host before anything is written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ImportPreviewView } from '../../../src/options/import-preview';
import { MAX_SITE_HOSTS, planImport } from '../../../src/background/handlers/import-export/plan';
import { emptyVault } from '../../../src/core/vault';
import { decodeBase32 } from '../../../src/core/bytes/base32';
import type { ImportResult } from '../../../src/core/formats';
import { msg, t } from '../popup/helpers';

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

const imported = (issuer: string, sites?: string[]) => ({
  type: 'totp' as const,
  issuer,
  account: 'me@example.com',
  secret: decodeBase32('JBSWY3DPEHPK3PXP').map((b, i) => (i === 0 ? b ^ issuer.length : b)),
  algorithm: 'SHA1' as const,
  digits: 6,
  period: 30,
  counter: 0,
  ...(sites && { sites }),
});

/** The preview of `result` against an empty vault, rendered. */
async function show(result: ImportResult): Promise<HTMLElement> {
  const preview = { ...planImport(result, emptyVault()).preview, previewId: 'p' };
  root = document.createElement('main');
  document.body.append(root);
  await act(async () =>
    render(
      <ImportPreviewView t={t} preview={preview} busy={false} onConfirm={() => undefined} onCancel={() => undefined} />,
      root!,
    ),
  );
  return root;
}

describe('options: the import preview names the sites an account would fill on', () => {
  it('by host, the first few and "…" for the rest; an entry with no site says nothing', async () => {
    const result = {
      format: 'clickauth',
      accounts: [
        imported('Google', ['https://accounts.google.com.evil.example', 'https://gogle.com:8443']),
        imported(
          'Many',
          Array.from({ length: MAX_SITE_HOSTS + 2 }, (_, i) => `https://s${i}.example`),
        ),
        imported('Plain'),
      ],
      skipped: [],
    } as unknown as ImportResult;
    const el = await show(result);
    const items = [...el.querySelectorAll('[data-testid=preview-add] li')];
    expect(items[0]!.querySelector('[data-testid=preview-sites]')!.textContent).toBe(
      ` · ${msg('importEntryFillsOn', 'accounts.google.com.evil.example, gogle.com:8443')}`,
    );
    const many = Array.from({ length: MAX_SITE_HOSTS }, (_, i) => `s${i}.example`).join(', ');
    expect(items[1]!.querySelector('[data-testid=preview-sites]')!.textContent).toBe(
      ` · ${msg('importEntryFillsOn', `${many}, …`)}`,
    );
    expect(items[2]!.querySelector('[data-testid=preview-sites]')).toBeNull();
  });

  it('an export of several QR codes of which only some are here says so, with how many', async () => {
    const result = {
      format: 'otpauth-list',
      accounts: [imported('One')],
      skipped: [],
      incompleteExports: [{ have: 1, of: 3 }],
    } as unknown as ImportResult;
    const el = await show(result);
    expect(el.querySelector('[data-testid=preview-incomplete-export]')!.textContent).toBe(
      msg('importIncompleteExport', '1', '3'),
    );
  });
});
