import { CURRENT_MIN_ITERATIONS } from '../../../core/crypto';
import { BACKUP_MAX_ITERATIONS, exportAegisEncrypted, exportBackup, exportOtpauthList } from '../../../core/formats';
import { CoreError } from '../../../core/errors';
import { listAccounts } from '../../../core/vault';
import { passwordProblem } from '../../../shared/password-policy';
import type { ExportFile, ExportKind, ExportRequest } from '../../../shared/protocol-import';
import type { Services } from '../context';
import { ImportExportError } from './errors';
import type { ImportExportStores } from './stores';

const FILES: Record<ExportKind, { name: string; ext: string; mimeType: string }> = {
  'clickauth-backup': { name: 'clickauth-backup', ext: 'json', mimeType: 'application/json' },
  'aegis-encrypted': { name: 'aegis-export', ext: 'json', mimeType: 'application/json' },
  'otpauth-list': { name: 'clickauth-otpauth', ext: 'txt', mimeType: 'text/plain' },
};

/**
 * `export/file`: every active account as one of three files. Each reveals every secret (the
 * otpauth list in plaintext; an encrypted one to whoever knows its password), so the master
 * password is checked first. An encrypted file's own password must meet the master-password floor.
 * A backup costs a password guess at least as much as the vault does: its PBKDF2 count is the
 * vault's own calibrated count (never below the 600,000 floor), so a stolen file is no cheaper a
 * target for the master password than the stolen profile.
 * A successful export is recorded (its time only: see LastBackup) for the backup reminder.
 */
export async function exportFile(
  { vault }: Services,
  stores: ImportExportStores,
  request: ExportRequest,
): Promise<ExportFile> {
  const file = FILES[request.kind];
  if (!file) throw new ImportExportError('protocol/bad-request', 'Unknown export kind');
  await vault.verifyPassword(request.masterPassword);
  const password = request.filePassword ?? request.masterPassword;
  if (request.kind !== 'otpauth-list' && request.filePassword !== undefined && passwordProblem(password)) {
    throw new CoreError('vault/weak-password', 'The file password is too weak', 'password');
  }
  const accounts = await vault.read(listAccounts);
  const content =
    request.kind === 'clickauth-backup'
      ? await exportBackup(accounts, password, { iterations: await backupIterations(vault) })
      : request.kind === 'aegis-encrypted'
        ? await exportAegisEncrypted(accounts, password)
        : exportOtpauthList(accounts);
  const at = Date.now();
  await stores.lastBackup.set({ at });
  const day = new Date(at).toISOString().slice(0, 10);
  return { content, filename: `${file.name}-${day}.${file.ext}`, mimeType: file.mimeType, count: accounts.length };
}

async function backupIterations(vault: Services['vault']): Promise<number> {
  const own = (await vault.headerIterations()) ?? 0;
  return Math.min(BACKUP_MAX_ITERATIONS, Math.max(CURRENT_MIN_ITERATIONS, own));
}
