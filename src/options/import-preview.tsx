import type { ImportPreview } from '../shared/protocol-import';
import type { Translate } from './app';
import { codeText } from './error-text';
import { formatName } from './format-names';
import { plural } from '../shared/ui/plural';

/** What the import will do, before it does it: added, duplicates (not added), cannot be imported. */
export function ImportPreviewView({ t, preview, busy, onConfirm, onCancel }: {
  t: Translate;
  preview: ImportPreview;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { add, duplicates, skipped } = preview;
  return (
    <div class="import-preview" data-testid="import-preview">
      <p>{t('importFormat', formatName(t, preview.format))}</p>
      <h3>{t('importPreviewAdd', String(add.length))}</h3>
      {add.length > 0 && (
        <ul data-testid="preview-add">
          {add.map((entry, i) => (
            <li key={i}>
              {[entry.issuer, entry.account].filter(Boolean).join(': ') || t('noIssuer')}
              {entry.sites > 0 && <span class="hint"> · {plural(t, 'importEntrySites', entry.sites)}</span>}
              {entry.backupCodes > 0 && <span class="hint"> · {plural(t, 'importEntryCodes', entry.backupCodes)}</span>}
            </li>
          ))}
        </ul>
      )}
      {duplicates.length > 0 && (
        <>
          <h3>{t('importPreviewDuplicates', String(duplicates.length))}</h3>
          <ul data-testid="preview-duplicates">
            {duplicates.map((d, i) => (
              <li key={i}>{d.name} — {t(d.where === 'vault' ? 'importDuplicateVault' : 'importDuplicateFile')}</li>
            ))}
          </ul>
        </>
      )}
      {skipped.length > 0 && (
        <>
          <h3>{t('importPreviewSkipped', String(skipped.length))}</h3>
          <ul data-testid="preview-skipped">
            {skipped.map((s, i) => (
              <li key={i}>{s.name} — {codeText(t, s.code, 'importSkippedOther')}</li>
            ))}
          </ul>
        </>
      )}
      {add.length === 0 && <p role="status">{t('importNothingNew')}</p>}
      <div class="actions">
        <button type="button" onClick={onConfirm} disabled={busy || add.length === 0}>{plural(t, 'importConfirm', add.length)}</button>
        <button type="button" class="secondary" onClick={onCancel} disabled={busy}>{t('cancel')}</button>
      </div>
    </div>
  );
}
