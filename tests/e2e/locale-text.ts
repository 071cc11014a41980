/** Our wording in a locale, read from public/_locales (what chrome.i18n shows in that browser language). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './harness';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const cache = new Map<string, Messages>();

export function t(lang: string, key: string, subs: string[] = []): string {
  if (!cache.has(lang))
    cache.set(
      lang,
      JSON.parse(readFileSync(join(repoRoot, 'public/_locales', lang, 'messages.json'), 'utf8')) as Messages,
    );
  const entry = cache.get(lang)![key];
  if (!entry) throw new Error(`no message ${key} in ${lang}`);
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, i: string) => subs[Number(i) - 1] ?? '');
  });
}
