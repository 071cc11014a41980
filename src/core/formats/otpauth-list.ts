/**
 * Plain text with one URI per line: the "Export as text/URIs" of Aegis (Aegis
 * GoogleAuthUriImporter reads it back), Ente Auth's plain export (Aegis EnteAuthImporter: the same
 * lines with an extra `codeDisplay` parameter: see enteDisplay), the Authenticator extension's
 * "otpauth" text, and `otpauth-migration://` lines (Google Authenticator transfer QR text), each of
 * which expands to all of its accounts. Blank lines and lines starting with "#" are ignored.
 */
import { CoreError } from '../errors';
import {
  formatOtpauthUri,
  parseMigrationUri,
  parseOtpauthUri,
  parseSteamUri,
  type ParsedAccount,
} from '../otpauth-uri';
import { collectEntries } from './entry';
import { inTrash } from './import-errors';
import type { EntriesResult, ImportedAccount } from './types';

interface Line {
  number: number;
  text: string;
}

/** The meaningful lines: trimmed, without blanks, comments or a byte-order mark. */
function contentLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ number: index + 1, text: line.trim() }))
    .filter((line) => line.text !== '' && !line.text.startsWith('#'));
}

const URI_START = /^(otpauth|otpauth-migration|steam):/i;

/** True when the text's first meaningful line is an otpauth://, otpauth-migration:// or steam:// URI. */
export function looksLikeOtpauthList(text: string): boolean {
  const first = contentLines(text.slice(0, 64 * 1024))[0];
  return first !== undefined && /^(otpauth|otpauth-migration):\/\//i.test(first.text);
}

/**
 * Ente's export: otpauth lines carrying its `codeDisplay` parameter. `[^\r\n]`, not `[^\n]`: `^` (with
 * `m`) also matches after a lone CR, and on CR-only line ends each line's scan ran to the end of the
 * text (quadratic: 20,000 lines took seconds).
 */
export const looksLikeEnte = (text: string): boolean => /^otpauth:\/\/[^\r\n]*[?&]codeDisplay=/im.test(text);

/** The parts of each Google Authenticator export batch seen: batch id → part indexes, and its size. */
type Batches = Map<number, { parts: Set<number>; of: number }>;

/**
 * Ente Auth's display settings of a code (its CodeDisplay model, JSON in the `codeDisplay` parameter):
 * `pinned` is our pin; `trashed` is a code the user deleted in Ente, which its export still holds.
 * Settings that do not read are ignored, as Ente's own safe parsing does: the code itself still imports.
 */
function enteDisplay(text: string): { pinned: boolean; trashed: boolean } {
  const none = { pinned: false, trashed: false };
  const value = /[?&]codeDisplay=([^&#]*)/i.exec(text)?.[1];
  if (value === undefined) return none;
  try {
    const display: unknown = JSON.parse(decodeURIComponent(value.replace(/\+/g, ' ')));
    if (typeof display !== 'object' || display === null) return none;
    const { pinned, trashed } = display as Record<string, unknown>;
    return { pinned: pinned === true, trashed: trashed === true };
  } catch {
    return none; // not JSON, or a broken %-escape: ignored, above
  }
}

function parseLine(text: string, batches?: Batches): ImportedAccount[] {
  if (/^otpauth-migration:/i.test(text)) {
    const batch = parseMigrationUri(text);
    if (batches && batch.batchSize > 1) {
      const seen = batches.get(batch.batchId) ?? { parts: new Set<number>(), of: batch.batchSize };
      seen.parts.add(batch.batchIndex);
      batches.set(batch.batchId, seen);
    }
    return batch.accounts;
  }
  if (/^steam:/i.test(text)) return [parseSteamUri(text)];
  if (!URI_START.test(text)) throw new CoreError('uri/not-otpauth', 'This line is not an otpauth:// URI', 'scheme');
  const account = parseOtpauthUri(text);
  const display = enteDisplay(text);
  if (display.trashed) throw inTrash();
  return [display.pinned ? { ...account, pinned: true } : account];
}

/**
 * Parses every line; a line that fails is skipped (named by its line number, never by its text,
 * which may hold the secret). Synchronous and allocation-light: benchmarked on 1000 lines.
 */
export function parseOtpauthList(text: string): EntriesResult {
  const batches: Batches = new Map();
  const result = collectEntries(
    contentLines(text),
    (line) => ({ line: line.number }),
    (line) => parseLine(line.text, batches),
  );
  const incompleteExports = [...batches.values()]
    .filter(({ parts, of }) => parts.size < of)
    .map(({ parts, of }) => ({ have: parts.size, of }));
  return incompleteExports.length > 0 ? { ...result, incompleteExports } : result;
}

/** One otpauth:// URI per line (steam accounts as otpauth://steam/), newline-terminated. */
export function exportOtpauthList(accounts: readonly ParsedAccount[]): string {
  return accounts.map((account) => `${formatOtpauthUri(account)}\n`).join('');
}
