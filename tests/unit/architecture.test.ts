import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

// The lint rules that carry ARCHITECTURE.md must actually fire: each row is code that breaks a rule,
// linted as if it lived at `file`, and the rule that must report it.
const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function rulesFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

describe('architecture lint rules', () => {
  it.each([
    [
      'src/core/otp/x.ts',
      "import { t } from '../../platform/messaging';\nexport const x = t;",
      'no-restricted-imports',
    ],
    ['src/core/otp/x.ts', "import { ok } from '../../shared/result';\nexport const x = ok;", 'no-restricted-imports'],
    ['src/core/otp/x.ts', 'export const x = () => chrome.runtime.id;', 'no-restricted-globals'],
    ['src/core/otp/x.ts', 'export const x = () => document.title;', 'no-restricted-globals'],
    [
      'src/shared/x.ts',
      "import { browser } from '../platform/browser';\nexport const x = browser;",
      'no-restricted-imports',
    ],
    ['src/platform/x.ts', "import { App } from '../popup/app';\nexport const x = App;", 'no-restricted-imports'],
    [
      'src/popup/x.ts',
      "import { createRouter } from '../background/router';\nexport const x = createRouter;",
      'no-restricted-imports',
    ],
    ['src/content/x.ts', "import { App } from '../popup/app';\nexport const x = App;", 'no-restricted-imports'],
    [
      'src/background/x.ts',
      "import browser from 'webextension-polyfill';\nexport const x = browser;",
      'no-restricted-imports',
    ],
    ['src/background/x.ts', 'export function x(s: string) {\n  console.log(s);\n}', 'no-console'],
    // Only src/platform reaches the extension API, also not through a cast of globalThis (issue 15).
    ['src/background/x.ts', 'export const x = () => chrome.runtime.id;', 'no-restricted-globals'],
    ['src/content/x.ts', 'export const x = () => browser.runtime.id;', 'no-restricted-globals'],
    [
      'src/background/x.ts',
      'export const x = (globalThis as { chrome?: { action?: object } }).chrome?.action;',
      'no-restricted-syntax',
    ],
    [
      'src/content/x.ts',
      'export const x = (globalThis as unknown as { browser: object }).browser;',
      'no-restricted-syntax',
    ],
    ['src/popup/x.ts', 'export const x = globalThis.chrome;', 'no-restricted-syntax'],
    ['src/options/x.ts', "export const x = (window as never)['chrome'];", 'no-restricted-syntax'],
    [
      'src/background/x.ts',
      "import { browser } from '../platform/browser';\nexport const x = browser;",
      'no-restricted-syntax',
    ],
  ])('%s: %s is reported by %s', async (file, code, rule) => {
    expect(await rulesFor(file, code)).toContain(rule);
  });

  it('allows the permitted directions', async () => {
    expect(
      await rulesFor('src/platform/x.ts', "import browser from 'webextension-polyfill';\nexport const x = browser;"),
    ).toEqual([]);
    expect(
      await rulesFor(
        'src/platform/x.ts',
        'export const x = (globalThis as { chrome?: { dom?: object } }).chrome?.dom;',
      ),
    ).toEqual([]);
    expect(
      await rulesFor(
        'src/background/x.ts',
        "import { queryTabs } from '../platform/tabs';\nexport const x = (query = queryTabs) => query({});",
      ),
    ).toEqual([]);
    expect(
      await rulesFor(
        'src/popup/x.ts',
        "import { ok } from '../shared/result';\nimport { codeAt } from '../core/otp';\nexport const x = [ok, codeAt];",
      ),
    ).toEqual([]);
  });
});
