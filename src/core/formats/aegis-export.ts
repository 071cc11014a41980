/**
 * Writes an encrypted Aegis vault (db version 3, one scrypt password slot) that Aegis imports
 * (beemdevelopment/Aegis docs/vault.md, VaultFile/VaultEntry JSON) and ./aegis.ts reads back.
 * Steam accounts are written as Aegis's own "steam" type.
 */
import { encodeBase32 } from '../bytes/base32';
import { encodeBase64 } from '../bytes/base64';
import type { CryptoDeps } from '../crypto';
import type { ParsedAccount } from '../otpauth-uri';
import { AEGIS_SCRYPT, sealAegis, type ScryptParams } from './aegis-crypto';
import { resolveDeps } from '../crypto';
import { utf8, uuidFrom } from './file-text';

export interface AegisExportOptions extends CryptoDeps {
  /** scrypt cost; Aegis's own N=2^15, r=8, p=1 unless lowered (tests only). */
  scrypt?: ScryptParams;
}

/** What an entry is written from: the account, and its pin (Aegis's "favorite"). */
type AegisAccount = ParsedAccount & { pinned?: boolean };

function entryJson(account: AegisAccount, uuid: string): Record<string, unknown> {
  const secret = encodeBase32(account.secret);
  const base = { secret, algo: account.algorithm, digits: account.digits };
  const info = account.type === 'hotp' ? { ...base, counter: account.counter } : { ...base, period: account.period };
  return {
    type: account.type,
    uuid,
    name: account.account,
    issuer: account.issuer,
    note: '',
    favorite: account.pinned === true,
    icon: null,
    info,
    groups: [],
  };
}

/** The JSON text of an encrypted Aegis vault holding `accounts`. */
export async function exportAegisEncrypted(
  accounts: readonly AegisAccount[],
  password: string,
  options: AegisExportOptions = {},
): Promise<string> {
  const { subtle, random } = resolveDeps(options);
  const entries = accounts.map((account) => entryJson(account, uuidFrom(random)));
  const db = { version: 3, entries, groups: [], icons_optimized: true };
  const sealed = await sealAegis(
    subtle,
    random,
    password,
    utf8(JSON.stringify(db)),
    options.scrypt ?? AEGIS_SCRYPT,
    uuidFrom(random),
  );
  return JSON.stringify({ version: 1, header: sealed.header, db: encodeBase64(sealed.db) }, null, 4);
}
