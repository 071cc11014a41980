import { useEffect, useState } from 'preact/hooks';
import type { BackupPrompt } from '../shared/protocol-restore';
import { logger } from '../shared/logger';
import type { Translate } from './api';

const log = logger('vault-notices');

/** What the notices need from the background (main.tsx wires it; tests pass a fake). */
export interface NoticesPort {
  backupPrompt(): Promise<BackupPrompt>;
  dismissBackupPrompt(): Promise<unknown>;
  /** When the vault last opened from its previous generation; the background forgets it once read. */
  recovery(): Promise<{ recoveredAt: number | null }>;
  /** The options page's export section. */
  openExport(): void;
}

/**
 * Two one-line notices over the unlocked vault: the vault was recovered from its previous generation
 * (the current one was damaged), and accounts have been in no backup for a week (a click leads to the
 * export, "Remind me later" silences it for another week).
 */
export function VaultNotices({ port, t }: { port: NoticesPort; t: Translate }) {
  const [prompt, setPrompt] = useState<BackupPrompt | null>(null);
  const [recoveredAt, setRecoveredAt] = useState<number | null>(null);

  useEffect(() => {
    port.recovery().then(
      (r) => setRecoveredAt(r.recoveredAt),
      (error: unknown) => log.warn('recovery check failed', error),
    );
    port.backupPrompt().then(setPrompt, (error: unknown) => log.warn('backup prompt check failed', error));
  }, [port]);

  const dismiss = () => {
    setPrompt(null);
    port.dismissBackupPrompt().catch((error: unknown) => log.warn('dismissing the backup prompt failed', error));
  };

  return (
    <>
      {recoveredAt !== null && (
        <p class="warning notice" role="alert" data-testid="recovered-notice">
          {t('vaultRecovered', new Date(recoveredAt).toLocaleString())}{' '}
          <button type="button" class="link" onClick={() => setRecoveredAt(null)}>
            {t('vaultRecoveredDismiss')}
          </button>
        </p>
      )}
      {prompt?.due && (
        <p class="hint notice" role="status" data-testid="backup-prompt">
          <button type="button" class="link" onClick={() => port.openExport()}>
            {t('backupPromptText', String(prompt.count))}
          </button>{' '}
          <button type="button" class="link" onClick={dismiss}>
            {t('backupPromptDismiss')}
          </button>
        </p>
      )}
    </>
  );
}
