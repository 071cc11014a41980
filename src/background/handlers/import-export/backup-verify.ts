import { verifyBackup } from '../../../core/formats';
import type { ImportPayload, VerifyCounts } from '../../../shared/protocol-import';
import type { Services } from '../context';
import { payloadInput } from './payload';

/** `backup/verify`: decrypts a backup and compares it with the vault; only counts leave the background. */
export async function backupVerify(
  { vault }: Services,
  payload: ImportPayload & { password: string },
): Promise<VerifyCounts> {
  const input = payloadInput(payload);
  const accounts = await vault.read((data) => [...data.accounts]);
  const result = await verifyBackup(input, payload.password, accounts);
  return {
    missing: result.missing.length,
    extra: result.extra.length,
    same: result.same.length,
    olderCounter: result.olderCounter.length,
  };
}
