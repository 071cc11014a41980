// Lint rules that carry the architecture (../shared/ARCHITECTURE.md):
// imports flow core <- shared <- platform <- {background, content, popup, options}; entry folders never
// import each other; only src/platform touches the extension API; no console anywhere in src.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

const entries = ['background', 'content', 'popup', 'options', 'offscreen'];
const folder = (name) => [`**/${name}`, `**/${name}/**`, `@/${name}/**`];
const forbid = (names, message) => ({
  group: names.flatMap(folder),
  message,
});
const polyfill = {
  name: 'webextension-polyfill',
  message: 'Only src/platform imports the extension API (one polyfill import).',
};

const PLATFORM_ONLY =
  'Only src/platform touches the extension API: take it as a parameter defaulted from src/platform.';
const extensionGlobals = ['chrome', 'browser'].map((name) => ({ name, message: PLATFORM_ONLY }));
/** `(globalThis as {chrome?: …}).chrome`, `globalThis.browser`, `window.chrome`, `self['chrome']`. */
const castToExtension = [
  // globalThis.chrome, window['browser']
  'MemberExpression[object.name=/^(globalThis|window|self)$/][property.name=/^(chrome|browser)$/]',
  'MemberExpression[object.name=/^(globalThis|window|self)$/][property.value=/^(chrome|browser)$/]',
  // (globalThis as …).chrome, (globalThis as unknown as …)['browser']
  'MemberExpression[property.name=/^(chrome|browser)$/] > TSAsExpression.object Identifier[name=/^(globalThis|window|self)$/]',
  'MemberExpression[property.value=/^(chrome|browser)$/] > TSAsExpression.object Identifier[name=/^(globalThis|window|self)$/]',
].map((selector) => ({ selector, message: PLATFORM_ONLY }));
const importOfBrowser = {
  selector: 'ImportDeclaration[source.value=/platform\\/browser$/] > ImportSpecifier[imported.name="browser"]',
  message: PLATFORM_ONLY,
};

/** no-restricted-imports for files in `zone`, which may not import `names`. */
function zone(files, names, message, extra = {}) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: extra.allowPolyfill ? [] : [polyfill], patterns: names.length ? [forbid(names, message)] : [] },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.e2e-profiles/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**'],
    languageOptions: { globals: { ...globals.browser, chrome: 'readonly' } },
    rules: { 'no-console': 'error', 'no-debugger': 'error' },
  },
  // Only src/platform touches the extension API: no `chrome`/`browser` global, no cast of `globalThis`
  // (or `window`, `self`) to reach one, no import of the polyfill's `browser` from platform/browser.
  {
    files: ['src/**'],
    ignores: ['src/platform/**'],
    rules: {
      'no-restricted-globals': ['error', ...extensionGlobals],
      'no-restricted-syntax': ['error', ...castToExtension, importOfBrowser],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['chrome', 'browser', 'window', 'document', 'localStorage', 'navigator', 'location'].map((name) => ({
          name,
          message: 'src/core is pure: pass platform values in as parameters.',
        })),
      ],
    },
  },
  zone(['src/core/**'], ['shared', 'platform', ...entries], 'src/core is pure and imports nothing outside core.'),
  zone(['src/shared/**'], ['platform', ...entries], 'src/shared may import only core.'),
  zone(['src/platform/**'], entries, 'src/platform may import only core and shared.', { allowPolyfill: true }),
  ...entries.map((name) =>
    zone(
      [`src/${name}/**`],
      entries.filter((other) => other !== name),
      'Entry folders never import each other.',
    ),
  ),
  // Formatting is prettier's (`prettier --check` in `npm run lint`): the rules that would fight it are off.
  prettier,
);
