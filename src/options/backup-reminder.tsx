import type { BackupStatus } from '../shared/protocol-import';
import type { Translate } from './app';

/** "N accounts added since your last backup" (a timestamp and counts, nothing secret). */
export function BackupReminder({ t, status }: { t: Translate; status: BackupStatus | null }) {
  if (!status) return null;
  const { lastBackupAt, lastBackupCount, addedSince } = status;
  return (
    <div class="reminder" data-testid="backup-reminder">
      <p>
        {lastBackupAt === null
          ? t('backupNever')
          : t('backupLast', [new Date(lastBackupAt).toLocaleString(), String(lastBackupCount ?? 0)])}
      </p>
      {addedSince !== null && addedSince > 0 && (
        <p class="warning" role="status" data-testid="backup-added-since">
          {t(lastBackupAt === null ? 'backupNotBackedUp' : 'backupAddedSince', String(addedSince))}
        </p>
      )}
    </div>
  );
}
