import type { OptionsApi } from '../../../src/options/api';
import type { Settings, VaultState } from '../../../src/shared/protocol';
import type {
  BackupStatus,
  ExportFile,
  ExportRequest,
  ImportCommitRequest,
  ImportPayload,
  VerifyCounts,
} from '../../../src/shared/protocol-import';
import type { ImportResult } from '../../../src/core/formats';
import { importFile } from '../../../src/core/formats';
import { addAccount, emptyVault, withGain, type VaultData } from '../../../src/core/vault';
import { toView } from '../../../src/background/handlers/views';
import { planImport } from '../../../src/background/handlers/import-export/plan';
import { payloadInput } from '../../../src/background/handlers/import-export/payload';

const remote = (code: string) => Object.assign(new Error(code), { code });

/**
 * An in-memory background for the options page: real format detection, decryption and duplicate
 * planning (the same pure code the background runs), a vault in memory, and a call log.
 */
export class FakeOptionsApi implements OptionsApi {
  state: VaultState = 'unlocked';
  password = 'correct horse battery';
  vault: VaultData = emptyVault();
  settingsValue: Settings = { autoLockMinutes: 15, autofill: true };
  backup: BackupStatus = { lastBackupAt: null, addedSince: 0 };
  verifyAnswer: VerifyCounts = { missing: 0, extra: 0, same: 0, olderCounter: 0 };
  qrText: string | null = null;
  calls: string[] = [];
  downloads: ExportFile[] = [];
  requests: ExportRequest[] = [];
  commitFailure: string | null = null;
  private imports = new Map<string, string[]>();
  /** Decrypted files by preview id, like the background's pending imports. */
  previews = new Map<string, ImportResult>();

  status = async () => ({ state: this.state });
  settings = async () => this.settingsValue;
  saveSettings = async (change: Partial<Settings>) => (this.settingsValue = { ...this.settingsValue, ...change });
  changePassword = async () => ({ state: this.state });
  addUri = async () => [];

  importPreview = async (payload: ImportPayload) => {
    this.calls.push(`preview:${payload.encoding}${payload.password ? ':pw' : ''}`);
    const result = await this.read(payload);
    const previewId = `preview-${this.previews.size + 1}`;
    this.previews.set(previewId, result);
    return { ...planImport(result, this.vault).preview, previewId };
  };

  importCommit = async (request: ImportCommitRequest) => {
    this.calls.push(
      `commit:${request.previewId}:${request.expectedCount}${request.replace ? `:replace=${request.replace.join(',')}` : ''}`,
    );
    if (this.commitFailure) throw remote(this.commitFailure);
    const result = this.previews.get(request.previewId);
    if (!result) throw remote('import/expired');
    const { add, gains } = planImport(result, this.vault);
    if (add.length === 0 && gains.length === 0) throw remote('import/nothing-to-add');
    const gained = new Map(gains.map((gain) => [gain.id, gain]));
    this.vault = {
      ...this.vault,
      accounts: this.vault.accounts.map((a) => (gained.has(a.id) ? withGain(a, gained.get(a.id)!, 1) : a)),
    };
    const added = add.map((input) => {
      const step = addAccount(this.vault, input, { now: 1 });
      this.vault = step.vault;
      return step.account;
    });
    const importId = `import-${this.imports.size + 1}`;
    this.imports.set(
      importId,
      added.map((a) => a.id),
    );
    return { importId, added: added.map(toView), updated: gains.length };
  };

  importUndo = async (importId: string) => {
    this.calls.push(`undo:${importId}`);
    const ids = new Set(this.imports.get(importId) ?? []);
    this.vault = { ...this.vault, accounts: this.vault.accounts.filter((a) => !ids.has(a.id)) };
    return { removed: ids.size };
  };

  exportFile = async (request: ExportRequest) => {
    this.calls.push(`export:${request.kind}:${request.filePassword === undefined ? 'master' : 'own'}`);
    this.requests.push(request);
    if (request.masterPassword !== this.password) throw remote('vault/wrong-password');
    return {
      content: 'file content',
      filename: `${request.kind}.json`,
      mimeType: 'application/json',
      count: this.vault.accounts.length,
    };
  };

  backupStatus = async () => {
    this.calls.push('backup-status');
    return this.backup;
  };

  verifyBackup = async (payload: ImportPayload & { password: string }) => {
    this.calls.push('verify');
    if (payload.password !== 'backup password') throw remote('import/wrong-password');
    return this.verifyAnswer;
  };

  qrFromImage = async () => this.qrText;
  download = (file: ExportFile) => void this.downloads.push(file);

  private read(payload: ImportPayload) {
    const input = payloadInput(payload);
    return importFile(input, payload.password === undefined ? {} : { password: payload.password });
  }
}
