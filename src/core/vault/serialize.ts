/**
 * Vault document ⇄ bytes (the plaintext that ../crypto seals).
 *
 * Encoding: UTF-8 JSON (RFC 8259) of `VaultData`, with each `secret` as unpadded upper-case
 * base32 (RFC 4648 §6) — the alphabet of otpauth URIs, so a key can be compared with what a
 * service showed. Example: `{"version":1,"accounts":[{"id":"a1","type":"totp",...,"secret":"JBSWY3DP"}],"trash":[]}`.
 * `deserializeVault` runs the migrations (./migrations) before validating (./validate).
 */
import { encodeBase32 } from '../bytes/base32';
import { VaultCorrupted } from '../errors';
import { migrate } from './migrations';
import type { Account, VaultData } from './types';
import { toVaultData } from './validate';

function storedAccount(account: Account): Record<string, unknown> {
  return { ...account, secret: encodeBase32(account.secret) };
}

export function serializeVault(vault: VaultData): Uint8Array {
  const doc = {
    version: vault.version,
    accounts: vault.accounts.map(storedAccount),
    trash: vault.trash.map((entry) => ({ account: storedAccount(entry.account), deletedAt: entry.deletedAt })),
  };
  return new TextEncoder().encode(JSON.stringify(doc));
}

/** Bytes → current `VaultData`; throws `vault/corrupted` or `vault/unsupported-version`. */
export function deserializeVault(bytes: Uint8Array): VaultData {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (cause) {
    throw new VaultCorrupted('Vault plaintext is not UTF-8 JSON', { cause });
  }
  return toVaultData(migrate(doc));
}
