import { importFile, type ImportResult } from '../../../core/formats';
import type { ImportPayload } from '../../../shared/protocol-import';
import { payloadInput } from './payload';

/** Detects and decrypts a payload (outside the vault queue: scrypt/PBKDF2 must not block other writes). */
export function readImport(payload: ImportPayload): Promise<ImportResult> {
  const input = payloadInput(payload);
  return importFile(input, typeof payload.password === 'string' ? { password: payload.password } : {});
}
