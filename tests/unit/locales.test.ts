import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ERROR_CODES } from '../../src/core/errors';

// Every string the UI shows comes from _locales; every locale must have every key the code uses.
const root = resolve(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const messages = (locale: string) =>
  JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string; placeholders?: object }
  >;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const source = sourceFiles(join(root, 'src'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
const usedKeys = new Set([...source.matchAll(/\b(?:t|message)\('([A-Za-z0-9_]+)'/g)].map((m) => m[1]!));
const manifestKeys = [...readFileSync(join(root, 'manifest.json'), 'utf8').matchAll(/__MSG_(\w+)__/g)].map(
  (m) => m[1]!,
);

describe('locales', () => {
  it('has English and at least one more locale', () => {
    expect(locales).toContain('en');
    expect(locales.length).toBeGreaterThanOrEqual(2);
  });

  it.each(locales)('%s has every key the code and manifest use, and no others missing from English', (locale) => {
    const own = messages(locale);
    const missing = [...usedKeys, ...manifestKeys].filter((key) => !own[key]);
    expect(missing).toEqual([]);
    expect(Object.keys(own).sort()).toEqual(Object.keys(messages('en')).sort());
  });

  it.each(locales)(
    '%s defines each key once (JSON.parse keeps the last; browsers and web-ext lint refuse duplicates)',
    (locale) => {
      const text = readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8');
      const keys = [...text.matchAll(/^ {2}"([^"]+)": \{/gm)].map((m) => m[1]!);
      expect(keys.length).toBe(Object.keys(messages(locale)).length);
      expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    },
  );

  it.each(locales)('%s has words for every error code of the core (error_<code>)', (locale) => {
    const own = messages(locale);
    expect(ERROR_CODES.map((code) => `error_${code.replace(/[^a-z0-9]+/gi, '_')}`).filter((key) => !own[key])).toEqual(
      [],
    );
  });

  it.each(locales)('%s declares a placeholder for every $NAME$ it uses', (locale) => {
    for (const [key, entry] of Object.entries(messages(locale))) {
      for (const [, name] of entry.message.matchAll(/\$([A-Z0-9_]+)\$/gi)) {
        expect(
          Object.keys(entry.placeholders ?? {}).map((p) => p.toLowerCase()),
          `${locale}:${key}`,
        ).toContain(name!.toLowerCase());
      }
    }
  });
});
