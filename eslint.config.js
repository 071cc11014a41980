// Lint rules that carry the architecture (../shared/ARCHITECTURE.md):
// imports flow core <- shared <- platform <- {background, content, popup, options}; entry folders never
// import each other; only src/platform touches the extension API; no console anywhere in src.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
    zone([`src/${name}/**`], entries.filter((other) => other !== name), 'Entry folders never import each other.'),
  ),
);
