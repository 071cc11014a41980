/**
 * Records of the import/export messages: the options page only. File contents travel as a string
 * (`text` as read, or `base64` for binary files); types in ../protocol-import.ts.
 */
import type {
  BackupStatus,
  ExportFile,
  ExportRequest,
  ImportCommitRequest,
  ImportCommitResult,
  ImportPayload,
  ImportPreview,
  VerifyCounts,
} from '../protocol-import';
import { array, int, oneOf, optional, payload, str } from '../validate/check';
import { message, PAGES, type NoFields } from './define';

/** Far larger than any authenticator export; bounds what the background parses. */
const MAX_FILE = 64 * 1024 * 1024;
const password = str(4096);
const id = str(128, undefined, 1);
const file = { data: str(MAX_FILE), encoding: oneOf('text', 'base64') };

export const importExportMessages = {
  'import/preview': message<ImportPayload, ImportPreview>(PAGES, payload({ ...file, password: optional(password) })),
  /**
   * Adds everything the preview listed in one write; `expectedCount` guards against a changed vault.
   * `replace`: positions in the preview's `add` whose old account goes to the trash (the others keep both).
   */
  'import/commit': message<ImportCommitRequest, ImportCommitResult>(
    PAGES,
    payload({ previewId: id, expectedCount: int(0, 1_000_000), replace: optional(array(int(0, 100_000), 100_000)) }),
  ),
  'import/undo': message<{ importId: string }, { removed: number }>(PAGES, payload({ importId: id })),
  'export/file': message<ExportRequest, ExportFile>(
    PAGES,
    payload({
      kind: oneOf('clickauth-backup', 'aegis-encrypted', 'otpauth-list'),
      masterPassword: password,
      filePassword: optional(password),
    }),
  ),
  'backup/status': message<NoFields, BackupStatus>(PAGES, payload({})),
  'backup/verify': message<ImportPayload & { password: string }, VerifyCounts>(PAGES, payload({ ...file, password })),
};
