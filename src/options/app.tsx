import { useCallback, useEffect, useState } from 'preact/hooks';
import type { VaultState } from '../shared/protocol';
import type { BackupStatus } from '../shared/protocol-import';
import type { OptionsApi } from './api';
import { AutoLockSection } from './auto-lock-section';
import { BackupReminder } from './backup-reminder';
import { ChangePassword } from './change-password';
import { ExportSection } from './export-section';
import { ImportSection } from './import-section';
import { VerifySection } from './verify-section';

export type Translate = (key: string, substitutions?: string | string[]) => string;

export function OptionsApp({ api, t }: { api: OptionsApi; t: Translate }) {
  const [state, setState] = useState<VaultState | null>(null);
  const [backup, setBackup] = useState<BackupStatus | null>(null);

  const refresh = useCallback(() => {
    // The background unreachable: the page shows no vault state (and no backup reminder).
    api.status().then((s) => setState(s.state), () => setState(null));
    api.backupStatus().then(setBackup, () => setBackup(null)); // unreachable: no reminder
  }, [api]);

  useEffect(() => {
    refresh();
    // The vault may be unlocked or locked from the popup while this page is open.
    const onFocus = () => refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refresh]);

  return (
    <>
      <h1>{t('optionsTitle')}</h1>
      <AutoLockSection api={api} t={t} />
      <ChangePassword api={api} t={t} />
      {state !== null && state !== 'unlocked' && (
        <p class="warning" role="note" data-testid="locked-note">{t('optionsLockedNote')}</p>
      )}
      <BackupReminder t={t} status={backup} />
      <ImportSection api={api} t={t} onChanged={refresh} />
      <ExportSection api={api} t={t} onExported={refresh} />
      <VerifySection api={api} t={t} />
    </>
  );
}
