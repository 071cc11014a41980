import type { ImportPayload, ImportPreview } from '../../../shared/protocol-import';
import type { Services } from '../context';
import type { PendingImports } from './pending-imports';
import { planImport, reviewedShapes } from './plan';
import { readImport } from './read-import';

/**
 * `import/preview`: what the file would add, what is a duplicate, what cannot be imported. Writes
 * nothing. The decrypted file is kept for the commit (./pending-imports.ts), so the password is asked
 * and the KDF runs once per import.
 */
export async function importPreview(
  { vault }: Services,
  pending: PendingImports,
  payload: ImportPayload,
): Promise<ImportPreview> {
  const epoch = pending.epoch();
  const result = await readImport(payload);
  const plan = await vault.read((data) => planImport(result, data));
  reviewedShapes.set(result, plan.shape);
  return { ...plan.preview, previewId: pending.put(result, epoch) };
}
