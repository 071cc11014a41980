import { decodeBase64 } from '../../../core/bytes/base64';
import { CoreError } from '../../../core/errors';
import { MAX_IMPORT_BYTES } from '../../../core/formats';
import type { ImportPayload } from '../../../shared/protocol-import';
import { ImportExportError } from './errors';

/**
 * The file bytes (or text) of a payload. Oversized input is refused from the string length alone,
 * before anything is decoded or parsed (importFile checks the exact size again).
 */
export function payloadInput(payload: Pick<ImportPayload, 'data' | 'encoding'>): Uint8Array | string {
  const { data, encoding } = payload;
  if (typeof data !== 'string') throw new ImportExportError('protocol/bad-request', 'data must be a string');
  const limit = encoding === 'base64' ? Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4 : MAX_IMPORT_BYTES * 3;
  if (data.length > limit) throw new CoreError('import/too-large', 'Files over 10 MB are not imported', 'data');
  if (encoding === 'text') return data;
  if (encoding !== 'base64') throw new ImportExportError('protocol/bad-request', 'Unknown encoding');
  try {
    return decodeBase64(data.replace(/\s+/g, ''));
  } catch {
    // Not base64: the typed error below says so.
    throw new ImportExportError('protocol/bad-request', 'data is not base64');
  }
}
