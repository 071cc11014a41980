/**
 * Schema migrations of the decrypted vault document (ARCHITECTURE rule 4).
 *
 * A migration is a pure function from the JSON document of version N to that of version N + 1.
 * `migrate` chains them from whatever version was stored up to the current one, so a blob written
 * by any released version still opens. The chain itself is also tested with synthetic versions.
 */
import { UnsupportedVersion, VaultCorrupted } from '../errors';
import { CURRENT_VAULT_VERSION } from './types';

/** A decoded JSON document carrying its schema version. */
export interface VersionedDoc {
  version: number;
  [key: string]: unknown;
}

/** Upgrades a document of version N (the table key) to version N + 1. Must not mutate its input. */
export type Migration = (doc: VersionedDoc) => VersionedDoc;

/** Production migrations, keyed by the version they upgrade FROM. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // v2: per-account fill options (auto-submit, password + code), off for every existing account.
  1: (doc) => {
    const withFill = (account: unknown) =>
      typeof account === 'object' && account !== null
        ? { ...account, fill: { submit: false, appendToPassword: false } }
        : account;
    const trash = (entry: unknown) =>
      typeof entry === 'object' && entry !== null
        ? { ...entry, account: withFill((entry as { account?: unknown }).account) }
        : entry;
    return {
      ...doc,
      version: 2,
      accounts: Array.isArray(doc.accounts) ? doc.accounts.map(withFill) : doc.accounts,
      trash: Array.isArray(doc.trash) ? doc.trash.map(trash) : doc.trash,
    };
  },
  // v3: "only on the exact origin" (fill.exactOrigin), off for every existing account: sites keep matching as before.
  2: (doc) =>
    mapAccounts(doc, 3, (account) => {
      const fill = (account as { fill?: unknown }).fill;
      return typeof fill === 'object' && fill !== null
        ? { ...account, fill: { ...fill, exactOrigin: false } }
        : account;
    }),
  // v4: auto-submit and password + code hold for origins, not for every origin of a registrable domain.
  // Where they were ticked is not recorded, so an option that was on stays on for the account's own
  // sites (the origins the user bound it to) and no longer for the rest of their domains.
  3: (doc) =>
    mapAccounts(doc, 4, (account) => {
      const { fill, sites } = account as { fill?: unknown; sites?: unknown };
      if (typeof fill !== 'object' || fill === null) return account;
      const { submit, appendToPassword, ...rest } = fill as { submit?: unknown; appendToPassword?: unknown };
      const origins = Array.isArray(sites) ? sites.filter((s): s is string => typeof s === 'string') : [];
      return {
        ...account,
        fill: {
          ...rest,
          submitOn: submit === true ? [...origins] : [],
          appendOn: appendToPassword === true ? [...origins] : [],
        },
      };
    }),
};

/** `doc` at `version`, with `change` applied to every account object, live or in the trash. */
function mapAccounts(doc: VersionedDoc, version: number, change: (account: object) => object): VersionedDoc {
  const one = (account: unknown) => (typeof account === 'object' && account !== null ? change(account) : account);
  const entry = (e: unknown) =>
    typeof e === 'object' && e !== null ? { ...e, account: one((e as { account?: unknown }).account) } : e;
  return {
    ...doc,
    version,
    accounts: Array.isArray(doc.accounts) ? doc.accounts.map(one) : doc.accounts,
    trash: Array.isArray(doc.trash) ? doc.trash.map(entry) : doc.trash,
  };
}

/**
 * Upgrades `doc` to `current`. A missing or non-integer version is `vault/corrupted`; a version
 * above `current` (written by a newer release) or below the oldest migration is
 * `vault/unsupported-version`. Each step's input is a structured clone, so migrations that
 * forget to copy cannot corrupt the caller's object.
 */
export function migrate(
  doc: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current: number = CURRENT_VAULT_VERSION,
): VersionedDoc {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new VaultCorrupted('Vault document is not an object');
  }
  const version = (doc as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) {
    throw new VaultCorrupted('Vault document has no valid version');
  }
  if (version > current) throw new UnsupportedVersion(`Vault schema ${version} is newer than ${current}`);
  let result = doc as VersionedDoc;
  for (let from = version; from < current; from++) {
    const step = migrations[from];
    if (step === undefined) throw new UnsupportedVersion(`No migration from vault schema ${from}`);
    result = step(structuredClone(result));
    if (result.version !== from + 1) {
      throw new Error(`Migration from schema ${from} produced version ${String(result.version)}`);
    }
  }
  return result;
}
