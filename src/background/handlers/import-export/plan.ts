/**
 * What an import would do to a vault (pure): which accounts are added, which are duplicates of an
 * account already in the vault or of an earlier entry of the file, and which cannot be imported.
 * The duplicate rule is the vault's own (same type and secret, ../../../core/vault findDuplicate),
 * so the commit never meets `vault/duplicate` half-way.
 */
import { findDuplicate, sameNameOtherKey, type Account, type VaultData } from '../../../core/vault';
import type { ImportResult, ImportedAccount } from '../../../core/formats';
import type { ImportDuplicateView, ImportEntryView, ImportPreview } from '../../../shared/protocol-import';

export interface ImportPlan {
  add: ImportedAccount[];
  /**
   * Per entry of `add`: the account in the vault it is a new key for (same type, issuer and account
   * name, another secret; issue 13), which the user may replace or keep beside it.
   */
  old: (Account | undefined)[];
  preview: Omit<ImportPreview, 'previewId'>;
}

const entryView = (a: ImportedAccount, old: Account | undefined): ImportEntryView => ({
  issuer: a.issuer,
  account: a.account,
  type: a.type,
  sites: a.sites?.length ?? 0,
  backupCodes: a.backupCodes?.length ?? 0,
  ...(old && { replaces: true as const }),
});

/** The same "Issuer: account" naming the format layer uses for skipped entries. */
const nameOf = (a: ImportedAccount): string =>
  [a.issuer, a.account].filter((part) => part !== '').join(': ') || '(unnamed)';

export function planImport(result: ImportResult, vault: VaultData): ImportPlan {
  const add: ImportedAccount[] = [];
  const duplicates: ImportDuplicateView[] = [];
  for (const account of result.accounts) {
    if (findDuplicate(vault, account)) duplicates.push({ name: nameOf(account), where: 'vault' });
    else add.push(account);
  }
  const old = add.map((account) => sameNameOtherKey(vault.accounts, account)[0]);
  const skipped = [];
  for (const entry of result.skipped) {
    if (entry.code === 'vault/duplicate') duplicates.push({ name: entry.name, where: 'file' });
    else skipped.push({ name: entry.name, code: entry.code });
  }
  return {
    add,
    old,
    preview: { format: result.format, add: add.map((a, i) => entryView(a, old[i])), duplicates, skipped },
  };
}
