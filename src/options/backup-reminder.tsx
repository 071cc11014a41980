import type { BackupStatus } from '../shared/protocol-import';
import type { Translate } from './app';
import { plural } from '../shared/ui/plural';

/** "N accounts added since your last backup" (a timestamp and a count, nothing secret). */
export function BackupReminder({ t, status }: { t: Translate; status: BackupStatus | null }) {
  if (!status) return null;
  const { lastBackupAt, addedSince } = status;
  return (
    <div class="reminder" data-testid="backup-reminder">
      <p>{lastBackupAt === null ? t('backupNever') : t('backupLast', [new Date(lastBackupAt).toLocaleString()])}</p>
      {addedSince !== null && addedSince > 0 && (
        <p class="warning" role="status" data-testid="backup-added-since">
          {plural(t, lastBackupAt === null ? 'backupNotBackedUp' : 'backupAddedSince', addedSince)}
        </p>
      )}
      <p>
        <a href="#export" data-testid="backup-export-link">
          {t('backupExportLink')}
        </a>
      </p>
    </div>
  );
}
