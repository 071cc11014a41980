import type { AutoLock, Settings, SettingsChange, VaultStatus } from '../shared/protocol';
import type {
  BackupStatus,
  ExportFile,
  ExportRequest,
  ImportCommitRequest,
  ImportCommitResult,
  ImportPayload,
  ImportPreview,
  VerifyCounts,
} from '../shared/protocol-import';

/** Everything the options page needs from the outside world (a fake in tests/dom/options). */
export interface OptionsApi {
  status(): Promise<VaultStatus>;
  settings(): Promise<Settings>;
  /** Saves only the settings in `change` (the others stay as stored); resolves to all of them. */
  saveSettings(change: SettingsChange): Promise<Settings>;
  changePassword(oldPassword: string, newPassword: string): Promise<VaultStatus>;
  addUri(uri: string): Promise<unknown>;
  importPreview(payload: ImportPayload): Promise<ImportPreview>;
  importCommit(request: ImportCommitRequest): Promise<ImportCommitResult>;
  importUndo(importId: string): Promise<{ removed: number }>;
  exportFile(request: ExportRequest): Promise<ExportFile>;
  backupStatus(): Promise<BackupStatus>;
  verifyBackup(payload: ImportPayload & { password: string }): Promise<VerifyCounts>;
  /** The text of the first QR code in an image file, or null (decoded in the page, never uploaded). */
  qrFromImage(image: Blob): Promise<string | null>;
  /** Hands a file to the browser's downloads. */
  download(file: ExportFile): void;
  /** Whether the browser tells us the screen locked (not Firefox): the lock options say what they do. */
  screenLockReported?: boolean | undefined;
}

export const AUTO_LOCK_CHOICES: readonly AutoLock[] = [1, 5, 15, 60, 'browser-close'];
