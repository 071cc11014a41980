import { useCallback, useEffect, useState } from 'preact/hooks';
import type { VaultState } from '../shared/protocol';
import type { BackupStatus } from '../shared/protocol-import';
import type { OptionsApi } from './api';
import { AutoLockSection } from './auto-lock-section';
import { BackupReminder } from './backup-reminder';
import { ChangePassword } from './change-password';
import { ExportSection } from './export-section';
import { ImportSection } from './import-section';
import { RestorePointsSection, type RestorePointsPort } from './restore-points-section';
import { VerifySection } from './verify-section';
import { SectionNav } from './section-nav';

export type Translate = (key: string, substitutions?: string | string[]) => string;

export function OptionsApp({
  api,
  t,
  restorePoints,
}: {
  api: OptionsApi;
  t: Translate;
  restorePoints?: RestorePointsPort;
}) {
  const [state, setState] = useState<VaultState | null>(null);
  const [backup, setBackup] = useState<BackupStatus | null>(null);
  const [version, setVersion] = useState(0);

  const refresh = useCallback(() => {
    // The background unreachable: the page shows no vault state (and no backup reminder).
    api.status().then(
      (s) => setState(s.state),
      () => setState(null),
    );
    api.backupStatus().then(setBackup, () => setBackup(null)); // unreachable: no reminder
    setVersion((v) => v + 1);
  }, [api]);

  useEffect(() => {
    refresh();
    // The vault may be unlocked or locked from the popup while this page is open.
    const onFocus = () => refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refresh]);

  // Opened from the popup's "Import" (#import): the sections exist only after this render, so the
  // browser's own jump to the anchor may have found nothing.
  useEffect(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <div class="layout">
      <header class="page-head">
        <h1>{t('optionsTitle')}</h1>
      </header>
      <SectionNav t={t} />
      <div class="sections">
        {state !== null && state !== 'unlocked' && (
          <p class="warning" role="note" data-testid="locked-note">
            {t('optionsLockedNote')}
          </p>
        )}
        <AutoLockSection api={api} t={t} />
        <section aria-labelledby="backups-title" id="backups" class="card">
          <h2 id="backups-title">{t('optionsBackupsTitle')}</h2>
          <BackupReminder t={t} status={backup} />
          <VerifySection api={api} t={t} />
        </section>
        {restorePoints && <RestorePointsSection port={restorePoints} t={t} version={version} onRestored={refresh} />}
        <ImportSection api={api} t={t} onChanged={refresh} />
        <ExportSection api={api} t={t} onExported={refresh} />
        <ChangePassword api={api} t={t} />
      </div>
    </div>
  );
}
