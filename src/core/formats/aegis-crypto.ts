/**
 * HAZMAT: Aegis vault encryption (beemdevelopment/Aegis, docs/vault.md; VaultFile, Slot,
 * PasswordSlot, CryptoUtils). A random 256-bit master key encrypts the db with AES-256-GCM (nonce
 * and tag in header.params, no AAD); each password slot holds the master key encrypted with
 * AES-256-GCM under scrypt(password UTF-8, salt, N, r, p, 32) (nonce/tag in slot.key_params, hex).
 * Not handled: slots with `repaired: false` written by Aegis < 1.2 for non-ASCII passwords (they
 * derived the key from a mis-encoded password; Aegis retries with that encoding): such a vault
 * reports a wrong password unless the password is ASCII.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { corrupt, tooCostly, wrongPassword } from './import-errors';
import { gcmOpen, gcmSeal, toHex, concatBytes as concat } from '../crypto';
import { fromHex, utf8 } from './file-text';
import { arr, isRecord, num, rec, str, type JsonRecord } from './json-read';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** What Aegis itself writes (CryptoUtils.CRYPTO_SCRYPT_N/r/p). */
export const AEGIS_SCRYPT: ScryptParams = { N: 1 << 15, r: 8, p: 1 };

/** Slot type of a password slot (Slot.TYPE_DERIVED); raw (0) and biometric (2) need the device. */
const PASSWORD_SLOT = 1;

/**
 * Aegis has only ever written N=2^15, r=8, p=1 (CryptoUtils.CRYPTO_SCRYPT_N/r/p), and a vault has
 * one password slot, plus at most a few backup-password slots. The parameters come from the file, so
 * a hostile file could ask for minutes of CPU or gigabytes of memory (scrypt needs 128·N·r bytes,
 * RFC 7914 §2, and p·N·r work), and one for each slot: anything costlier is refused before any KDF
 * runs (`import/too-costly`). Cheaper parameters are allowed (our tests use them).
 */
export const MAX_PASSWORD_SLOTS = 4;

function checkScrypt({ N, r, p }: ScryptParams): void {
  const powerOfTwo = Number.isInteger(N) && N >= 2 && (N & (N - 1)) === 0;
  if (!powerOfTwo || !Number.isInteger(r) || r < 1 || !Number.isInteger(p) || p < 1) {
    throw corrupt('implausible scrypt parameters');
  }
  if (N > AEGIS_SCRYPT.N || r > AEGIS_SCRYPT.r || p > AEGIS_SCRYPT.p) {
    throw tooCostly(`scrypt N=${N}, r=${r}, p=${p} exceeds Aegis's own N=2^15, r=8, p=1`);
  }
}

export async function deriveSlotKey(password: string, salt: Uint8Array, params: ScryptParams): Promise<Uint8Array> {
  checkScrypt(params);
  // 128·N·r = 32 MiB at the cap; noble's own limit stays a second guard.
  return scryptAsync(utf8(password), salt, { ...params, dkLen: 32, maxmem: 2 ** 26 });
}

export interface PasswordSlot {
  salt: Uint8Array;
  scrypt: ScryptParams;
  nonce: Uint8Array;
  sealed: Uint8Array;
}

/** Reads and checks every password slot before any KDF runs, so a costly slot fails fast. */
export function passwordSlots(header: JsonRecord): PasswordSlot[] {
  const slots = arr(header['slots'], 'header.slots').filter((slot) => isRecord(slot) && slot['type'] === PASSWORD_SLOT);
  if (slots.length === 0) throw corrupt('the vault has no password slot');
  if (slots.length > MAX_PASSWORD_SLOTS) throw tooCostly(`${slots.length} password slots`);
  return slots.map((value) => {
    const slot = rec(value, 'slot');
    const params = rec(slot['key_params'], 'slot.key_params');
    const scrypt = { N: num(slot['n'], 'slot.n'), r: num(slot['r'], 'slot.r'), p: num(slot['p'], 'slot.p') };
    checkScrypt(scrypt);
    return {
      salt: fromHex(str(slot['salt'], 'slot.salt'), 'slot.salt'),
      scrypt,
      nonce: fromHex(str(params['nonce'], 'slot nonce'), 'slot nonce'),
      sealed: concat(
        fromHex(str(slot['key'], 'slot.key'), 'slot.key'),
        fromHex(str(params['tag'], 'slot tag'), 'slot tag'),
      ),
    };
  });
}

/** Tries every password slot (from `passwordSlots`); the first that opens yields the master key. */
export async function unlockMasterKey(
  subtle: SubtleCrypto,
  slots: readonly PasswordSlot[],
  password: string,
): Promise<Uint8Array> {
  let failure: unknown;
  for (const slot of slots) {
    const key = await deriveSlotKey(password, slot.salt, slot.scrypt);
    try {
      return await gcmOpen(subtle, key, slot.nonce, slot.sealed);
    } catch (error) {
      failure = error;
    }
  }
  throw wrongPassword(failure);
}

/** Decrypts the base64 db with the master key; after a good slot, a bad tag means damage. */
export async function openDb(
  subtle: SubtleCrypto,
  header: JsonRecord,
  db: Uint8Array,
  masterKey: Uint8Array,
): Promise<Uint8Array> {
  const params = rec(header['params'], 'header.params');
  const nonce = fromHex(str(params['nonce'], 'db nonce'), 'db nonce');
  const tag = fromHex(str(params['tag'], 'db tag'), 'db tag');
  try {
    return await gcmOpen(subtle, masterKey, nonce, concat(db, tag));
  } catch (cause) {
    throw corrupt('the vault contents fail authentication', cause);
  }
}

export interface SealedAegis {
  header: JsonRecord;
  db: Uint8Array;
}

/** Encrypts `plain` under a fresh master key and one password slot (Aegis's layout). */
export async function sealAegis(
  subtle: SubtleCrypto,
  random: (n: number) => Uint8Array,
  password: string,
  plain: Uint8Array,
  scrypt: ScryptParams,
  slotUuid: string,
): Promise<SealedAegis> {
  const masterKey = random(32);
  const salt = random(32);
  const slotNonce = random(12);
  const dbNonce = random(12);
  const wrapped = await gcmSeal(subtle, await deriveSlotKey(password, salt, scrypt), slotNonce, masterKey);
  const sealed = await gcmSeal(subtle, masterKey, dbNonce, plain);
  const slot = {
    type: PASSWORD_SLOT,
    uuid: slotUuid,
    key: toHex(wrapped.subarray(0, 32)),
    key_params: { nonce: toHex(slotNonce), tag: toHex(wrapped.subarray(32)) },
    n: scrypt.N,
    r: scrypt.r,
    p: scrypt.p,
    salt: toHex(salt),
    repaired: true,
    is_backup: false,
  };
  const split = sealed.length - 16;
  return {
    header: { slots: [slot], params: { nonce: toHex(dbNonce), tag: toHex(sealed.subarray(split)) } },
    db: sealed.subarray(0, split),
  };
}
