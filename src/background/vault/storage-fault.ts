import { logger } from '../../shared/logger';

const log = logger('storage');

/** Storage is full: the write did not happen, the vault is as it was. */
export class StorageFull extends Error {
  readonly code = 'storage/full';
  constructor(options?: { cause?: unknown }) {
    super('Browser storage is full', options);
    this.name = 'StorageFull';
  }
}

/**
 * A failed storage write as a typed error. Chrome rejects `storage.local.set` beyond its quota with
 * "QUOTA_BYTES quota exceeded" (https://developer.chrome.com/docs/extensions/reference/api/storage#property-local-QUOTA_BYTES);
 * Firefox (IndexedDB-backed) with a QuotaExceededError. Anything else is reported and passed on.
 */
export function storageFault(error: unknown): unknown {
  const text = `${(error as { name?: unknown } | null)?.name ?? ''} ${(error as { message?: unknown } | null)?.message ?? String(error)}`;
  if (/QUOTA_BYTES|QuotaExceeded|quota exceeded/i.test(text)) return new StorageFull({ cause: error });
  log.error('storage write failed', error);
  return error;
}
