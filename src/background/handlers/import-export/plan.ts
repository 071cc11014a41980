/**
 * What an import would do to a vault (pure): which accounts are added, which are duplicates of an
 * account already in the vault (and what they bring it) or of an earlier entry of the file, and which
 * cannot be imported.
 * The duplicate rule is the vault's own (same type and secret, ../../../core/vault findDuplicate),
 * so the commit never meets `vault/duplicate` half-way.
 */
import {
  cleanName,
  duplicateGain,
  findDuplicate,
  sameNameOtherKey,
  type Account,
  type DuplicateGain,
  type VaultData,
} from '../../../core/vault';
import type { ImportResult, ImportedAccount } from '../../../core/formats';
import type { ImportDuplicateView, ImportEntryView, ImportPreview } from '../../../shared/protocol-import';

export interface ImportPlan {
  add: ImportedAccount[];
  /**
   * Per entry of `add`: the account in the vault it is a new key for (same type, issuer and account
   * name, another secret; issue 13), which the user may replace or keep beside it.
   */
  old: (Account | undefined)[];
  /**
   * What duplicates of vault accounts bring that the vault's copy lacks (backup codes, a higher HOTP
   * counter: ../../../core/vault/duplicate-gain.ts); the commit gives it to them.
   */
  gains: DuplicateGain[];
  preview: Omit<ImportPreview, 'previewId'>;
  /**
   * What the preview shows, per entry of the file: a duplicate, or added (and which account it may
   * replace). The commit plans again; a different shape means the user reviewed something else, even
   * with the same count (one entry became a duplicate while another stopped being one, so "replace"
   * choices, which are positions, would land on other accounts).
   */
  shape: string;
}

/** How many of an entry's sites the preview names by host. */
export const MAX_SITE_HOSTS = 5;

/** A site as the preview names it: its host (with a port), or the text itself, cut, when it does not parse. */
function hostOf(site: string): string {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:/i.test(site) ? site : `https://${site}`).host || site.slice(0, 80);
  } catch {
    return site.slice(0, 80); // not a URL (matching fails closed for it): shown as it is, cut
  }
}

/**
 * Names as the vault will store them (cleanName: no bidi overrides or invisible characters, one line):
 * the preview is where the user decides, so it must not show a hostile file's "\u202EelgooG" as "Google".
 */
const entryView = (a: ImportedAccount, old: Account | undefined): ImportEntryView => ({
  issuer: cleanName(a.issuer),
  account: cleanName(a.account),
  type: a.type,
  sites: a.sites?.length ?? 0,
  siteHosts: (a.sites ?? []).slice(0, MAX_SITE_HOSTS).map(hostOf),
  backupCodes: a.backupCodes?.length ?? 0,
  ...(old && { replaces: true as const }),
});

/** The same "Issuer: account" naming the format layer uses for skipped entries, each part as stored. */
const nameOf = (a: ImportedAccount): string =>
  [a.issuer, a.account]
    .map(cleanName)
    .filter((part) => part !== '')
    .join(': ');

export function planImport(result: ImportResult, vault: VaultData): ImportPlan {
  const add: ImportedAccount[] = [];
  const duplicates: ImportDuplicateView[] = [];
  const shape: string[] = [];
  const gains: DuplicateGain[] = [];
  for (const account of result.accounts) {
    const existing = findDuplicate(vault, account);
    if (existing) {
      const gain = duplicateGain(existing, account);
      if (gain) gains.push(gain);
      duplicates.push({
        name: nameOf(account),
        where: 'vault',
        ...(gain?.counter !== undefined && { counter: gain.counter }),
        ...(gain?.backupCodes && { backupCodes: gain.backupCodes.length }),
      });
      shape.push(gain ? `=${gain.id}^${gain.counter ?? ''}^${gain.backupCodes?.length ?? 0}` : '=');
    } else {
      add.push(account);
      shape.push('+');
    }
  }
  const old = add.map((account) => sameNameOtherKey(vault.accounts, account)[0]);
  let next = 0;
  for (const [i, mark] of shape.entries()) if (mark === '+') shape[i] = `+${old[next++]?.id ?? ''}`;
  const skipped = [];
  for (const entry of result.skipped) {
    const name = cleanName(entry.name);
    if (entry.code === 'vault/duplicate') duplicates.push({ name, where: 'file' });
    else skipped.push({ name, code: entry.code, ...(entry.line !== undefined && { line: entry.line }) });
  }
  return {
    add,
    old,
    gains,
    preview: {
      format: result.format,
      add: add.map((a, i) => entryView(a, old[i])),
      duplicates,
      skipped,
      ...(result.incompleteExports && { incompleteExports: result.incompleteExports }),
    },
    shape: shape.join(','),
  };
}

/** The shape each preview showed, by the decrypted file it kept (pending-imports.ts holds the same object). */
export const reviewedShapes = new WeakMap<ImportResult, string>();
