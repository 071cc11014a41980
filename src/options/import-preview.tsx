import { useState } from 'preact/hooks';
import type { ImportPreview } from '../shared/protocol-import';
import type { Translate } from './app';
import { codeText } from './error-text';
import { formatName } from './format-names';
import { plural } from '../shared/ui/plural';

/**
 * What the import will do, before it does it: added, duplicates (not added, but what they bring the account
 * the vault has is named), cannot be imported.
 */
export function ImportPreviewView({
  t,
  preview,
  busy,
  onConfirm,
  onCancel,
}: {
  t: Translate;
  preview: ImportPreview;
  busy: boolean;
  /** `replace`: positions in `add` whose old account the user chose to replace (the others keep both). */
  onConfirm(replace: number[]): void;
  onCancel(): void;
}) {
  const { add, duplicates, skipped } = preview;
  // Duplicates that give the account the vault has what it lacks (backup codes, a higher HOTP counter).
  const updates = duplicates.filter((d) => d.counter !== undefined || (d.backupCodes ?? 0) > 0).length;
  // The background names an entry "Issuer: account", or by its line in a text; the words are ours.
  const entryName = (entry: { name: string; line?: number | undefined }) =>
    entry.line !== undefined ? t('importLine', String(entry.line)) : entry.name || t('importUnnamed');
  // A new key for an account the user has (issue 13): keeping both is the default, nothing is lost
  // (an old backup may hold the older key); the user may replace the old one instead.
  const [replace, setReplace] = useState<ReadonlySet<number>>(new Set());
  const choose = (i: number, yes: boolean) =>
    setReplace((now) => {
      const next = new Set(now);
      if (yes) next.add(i);
      else next.delete(i);
      return next;
    });
  return (
    <div class="import-preview" data-testid="import-preview">
      <p>{t('importFormat', formatName(t, preview.format))}</p>
      {preview.incompleteExports?.map(({ have, of }, i) => (
        <p key={i} class="warning" role="note" data-testid="preview-incomplete-export">
          {t('importIncompleteExport', [String(have), String(of)])}
        </p>
      ))}
      <h3>{t('importPreviewAdd', String(add.length))}</h3>
      {add.length > 0 && (
        <ul data-testid="preview-add">
          {add.map((entry, i) => (
            <li key={i}>
              {[entry.issuer, entry.account].filter(Boolean).join(': ') || t('noIssuer')}
              {entry.sites > 0 && (
                <span class="hint" data-testid="preview-sites">
                  {' · '}
                  {t(
                    'importEntryFillsOn',
                    entry.siteHosts.join(', ') + (entry.sites > entry.siteHosts.length ? ', …' : ''),
                  )}
                </span>
              )}
              {entry.backupCodes > 0 && <span class="hint"> · {plural(t, 'importEntryCodes', entry.backupCodes)}</span>}
              {entry.replaces && (
                <fieldset class="reenroll" data-testid="preview-replaces">
                  <legend class="hint">{t('importReenrollTag')}</legend>
                  <label>
                    <input
                      type="radio"
                      name={`replace-${i}`}
                      checked={replace.has(i)}
                      onChange={() => choose(i, true)}
                    />{' '}
                    {t('importReenrollReplace')}
                  </label>{' '}
                  <label>
                    <input
                      type="radio"
                      name={`replace-${i}`}
                      checked={!replace.has(i)}
                      onChange={() => choose(i, false)}
                    />{' '}
                    {t('importReenrollKeep')}
                  </label>
                </fieldset>
              )}
            </li>
          ))}
        </ul>
      )}
      {duplicates.length > 0 && (
        <>
          <h3>{t('importPreviewDuplicates', String(duplicates.length))}</h3>
          <ul data-testid="preview-duplicates">
            {duplicates.map((d, i) => (
              <li key={i}>
                {entryName(d)} — {t(d.where === 'vault' ? 'importDuplicateVault' : 'importDuplicateFile')}
                {d.counter !== undefined && (
                  <span data-testid="preview-gain"> · {t('importDuplicateCounter', String(d.counter))}</span>
                )}
                {(d.backupCodes ?? 0) > 0 && (
                  <span data-testid="preview-gain"> · {plural(t, 'importDuplicateCodes', d.backupCodes ?? 0)}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {skipped.length > 0 && (
        <>
          <h3>{t('importPreviewSkipped', String(skipped.length))}</h3>
          <ul data-testid="preview-skipped">
            {skipped.map((s, i) => (
              <li key={i}>
                {entryName(s)} — {codeText(t, s.code, 'importSkippedOther')}
              </li>
            ))}
          </ul>
        </>
      )}
      {add.length === 0 && updates === 0 && <p role="status">{t('importNothingNew')}</p>}
      <div class="actions">
        <button
          type="button"
          onClick={() => onConfirm([...replace].sort((x, y) => x - y))}
          disabled={busy || (add.length === 0 && updates === 0)}
        >
          {add.length === 0 && updates > 0
            ? plural(t, 'importConfirmUpdate', updates)
            : plural(t, 'importConfirm', add.length)}
        </button>
        <button type="button" class="secondary" onClick={onCancel} disabled={busy}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
