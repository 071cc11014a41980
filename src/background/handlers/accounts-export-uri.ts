import { formatOtpauthUri } from '../../core/otpauth-uri';
import { BackgroundError } from '../errors';
import type { Services } from './context';

/**
 * `accounts/export-uri`: the account's otpauth:// URI, to show as a QR for a phone. Reveals the
 * secret, so the master password must be entered again (checked against the stored vault).
 */
export async function accountsExportUri({ vault }: Services, id: string, password: string): Promise<{ uri: string }> {
  await vault.verifyPassword(password);
  return vault.read((data) => {
    const account = data.accounts.find((a) => a.id === id);
    if (!account) throw new BackgroundError('protocol/bad-request', 'No such account');
    return { uri: formatOtpauthUri(account) };
  });
}
