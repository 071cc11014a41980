/**
 * The import preview is in the page's language down to how it names entries: a skipped line of a
 * pasted list is "Zeile 3" in German (not "line 3" made up by the format layer), an entry with no name
 * "(ohne Namen)" (not "(unnamed)"). The core names entries with data (a line number, '' for none).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ImportPreviewView } from '../../../src/options/import-preview';
import { planImport } from '../../../src/background/handlers/import-export/plan';
import { emptyVault } from '../../../src/core/vault';
import { importFile } from '../../../src/core/formats';
import de from '../../../public/_locales/de/messages.json' with { type: 'json' };

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/** chrome.i18n.getMessage over the German messages.json. */
function tDe(key: string, sub?: string | string[]): string {
  const entry = (de as Record<string, Entry>)[key];
  if (!entry) return '';
  const subs = Array.isArray(sub) ? sub : sub === undefined ? [] : [sub];
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return subs[Number(content.slice(1)) - 1] ?? '';
  });
}

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

/** The preview of an imported text or file (against an empty vault), rendered in German. */
async function show(text: string, password?: string): Promise<HTMLElement> {
  const result = await importFile(text, password === undefined ? {} : { password });
  const preview = { ...planImport(result, emptyVault()).preview, previewId: 'p' };
  root = document.createElement('main');
  document.body.append(root);
  await act(async () =>
    render(
      <ImportPreviewView
        t={tDe}
        preview={preview}
        busy={false}
        onConfirm={() => undefined}
        onCancel={() => undefined}
      />,
      root!,
    ),
  );
  return root;
}
const items = (el: Element, id: string) =>
  [...el.querySelectorAll(`[data-testid=${id}] li`)].map((li) => li.textContent?.trim());

describe('options: the import preview names entries in the page language', () => {
  it('a skipped line of a pasted list: "Zeile 3", not "line 3"', async () => {
    const el = await show(
      ['otpauth://totp/NewCo:bob?secret=JBSWY3DPEHPK3PXP&issuer=NewCo', '', 'otpauth://totp/Bad?secret=!!!'].join('\n'),
    );
    const skipped = items(el, 'preview-skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatch(/^Zeile 3 — /);
    expect(el.textContent).not.toMatch(/\bline \d/);
  });

  it('a skipped entry of a backup with no name: "(ohne Namen)", not "(unnamed)"', async () => {
    const file = JSON.stringify({
      k: { dataType: 'Key', id: 'k', salt: 's' },
      x: { dataType: 'EncOTPStorage', data: 'abc', keyId: 'k', index: 0 },
    });
    const el = await show(file, 'pw');
    expect(items(el, 'preview-skipped')[0]).toMatch(/^\(ohne Namen\) — /);
  });
});
