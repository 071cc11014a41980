/**
 * Speaking as one top frame's content script with no click (what a compromised renderer can do): the
 * QRs it reads and confirms. Shared by the enroll/confirm and enroll/reenroll bound tests.
 */
import { startBackground, withVault } from '../../adapter/background';
import { encodeMigration } from '../../../src/core/otpauth-uri/migration';
import { encodeBase32 } from '../../../src/core/bytes/base32';
import { forgetConfirms } from '../../../src/background/enroll/confirm-limits';

export const EVIL = 'https://evil.example.test/setup';

/** An otpauth-migration URI of `n` accounts with 3-byte secrets (each distinct, so none is a duplicate). */
export function migration(n: number, salt: number): string {
  const accounts = Array.from({ length: n }, (_, i) => ({
    type: 'totp' as const,
    issuer: 'G',
    account: `${i}`,
    secret: new Uint8Array([salt, i >> 8, i & 255]),
    algorithm: 'SHA1' as const,
    digits: 6,
    period: 30,
    counter: 0,
  }));
  return encodeMigration({ accounts, version: 1, batchSize: 1, batchIndex: 0, batchId: salt });
}

/** A one-account setup QR (distinct key per `n`). */
export const single = (n: number) =>
  `otpauth://totp/Shop:user${n}?secret=${encodeBase32(new Uint8Array(10).fill(n + 1))}&issuer=Shop`;

export async function fresh(locked = false) {
  const bg = await withVault(await startBackground(EVIL), [], { locked });
  forgetConfirms(bg.tab.id!); // a new tab id may repeat across tests (fakeBrowser.reset)
  const read = async (uri: string, frame: { url?: string; frameId?: number } = {}) =>
    (await bg.fromPage({ type: 'enroll/candidate', source: { kind: 'uri', uri } }, frame)).candidate!.token;
  const confirm = (token: string, frame: { url?: string; frameId?: number } = {}) =>
    bg.fromPage({ type: 'enroll/confirm', token }, frame);
  return { bg, read, confirm };
}
