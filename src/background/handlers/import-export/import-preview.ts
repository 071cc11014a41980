import type { ImportPayload, ImportPreview } from '../../../shared/protocol-import';
import type { Services } from '../context';
import { planImport } from './plan';
import { readImport } from './read-import';

/** `import/preview`: what the file would add, what is a duplicate, what cannot be imported. Writes nothing. */
export async function importPreview({ vault }: Services, payload: ImportPayload): Promise<ImportPreview> {
  const result = await readImport(payload);
  return vault.read((data) => planImport(result, data).preview);
}
