import { describe, expect, it } from 'vitest';
import {
  createEnvelope,
  FORMAT_VERSION,
  LAYOUT,
  openWithKey,
  readEnvelopeHeader,
  sealWithKey,
  unlockEnvelope,
} from '../../../src/core/crypto';
import { CoreError, isCoreError, UnsupportedVersion, VaultCorrupted, WrongPassword } from '../../../src/core/errors';
import { blobBytes, countingRandom, forge, fromUtf8, ITERATIONS, PASSWORD, utf8 } from './helpers';

const create = (plaintext: Uint8Array, password = PASSWORD) =>
  createEnvelope(password, plaintext, { iterations: ITERATIONS });

describe('createEnvelope / unlockEnvelope round trip', () => {
  it.each([
    ['empty', new Uint8Array(0)],
    ['ascii', utf8('{"version":1}')],
    ['unicode', utf8('Ünïcödé ✓ 🔐')],
    ['64 KiB', Uint8Array.from({ length: 65_536 }, (_, i) => (i * 31) & 0xff)],
  ])('%s plaintext comes back byte-identical', async (_name, plaintext) => {
    const { blob, vaultKey } = await create(plaintext);
    const unlocked = await unlockEnvelope(blob, PASSWORD);
    expect(unlocked.plaintext).toEqual(plaintext);
    expect(unlocked.vaultKey).toEqual(vaultKey);
    expect(unlocked.vaultKey).toHaveLength(32);
    expect(unlocked.iterations).toBe(ITERATIONS);
    expect(blobBytes(blob)).toHaveLength(113 + plaintext.length + 16 + 32);
  });

  it('normalizes the password to NFC (composed and decomposed é open the same vault)', async () => {
    const composed = 'caf\u00e9 pässwörd';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const { blob } = await create(utf8('x'), composed);
    expect(fromUtf8((await unlockEnvelope(blob, decomposed)).plaintext)).toBe('x');
  });

  it('refuses an empty password with vault/weak-password', async () => {
    await expect(create(utf8('x'), '')).rejects.toMatchObject({ code: 'vault/weak-password', field: 'password' });
  });

  it.each([0, -1, 1.5, Number.NaN, 2 ** 32])('refuses iterations = %s', async (iterations) => {
    await expect(createEnvelope(PASSWORD, utf8('x'), { iterations })).rejects.toBeInstanceOf(RangeError);
  });

  it('places each random draw at its documented offset', async () => {
    const random = countingRandom(1);
    const { blob, vaultKey } = await createEnvelope(PASSWORD, utf8('x'), { iterations: ITERATIONS, random });
    const bytes = blobBytes(blob);
    // Draw order: vault key (32), vault id (16), salt (16), wrap IV (12), data IV (12).
    expect(vaultKey).toEqual(Uint8Array.from({ length: 32 }, (_, i) => i + 1));
    expect([...bytes.subarray(0, 4)]).toEqual([0x43, 0x41, 0x56, FORMAT_VERSION]);
    expect(bytes[LAYOUT.vaultId]).toBe(33);
    expect(bytes[LAYOUT.kdfId]).toBe(1);
    expect([...bytes.subarray(LAYOUT.iterations, LAYOUT.iterations + 4)]).toEqual([0, 0, 0x03, 0xe8]); // 1000, big-endian
    expect(bytes[LAYOUT.salt]).toBe(49);
    expect(bytes[LAYOUT.wrapIv]).toBe(65);
    expect(bytes[LAYOUT.dataIv]).toBe(77);
  });
});

describe('failures are typed and fail closed', () => {
  it('a wrong password is WrongPassword (instance and code)', async () => {
    const { blob } = await create(utf8('secret'));
    const error = await unlockEnvelope(blob, 'wrong password').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongPassword);
    expect(error).toBeInstanceOf(CoreError);
    expect(isCoreError(error, 'vault/wrong-password')).toBe(true);
  });

  it.each([
    ['empty string', ''],
    ['not base64', '!!not base64!!'],
    ['too short', 'Q0FWAQ=='],
  ])('%s is VaultCorrupted', async (_name, blob) => {
    await expect(unlockEnvelope(blob, PASSWORD)).rejects.toBeInstanceOf(VaultCorrupted);
  });

  it.each([1, 16, 32, 60])('truncating %i bytes is VaultCorrupted', async (cut) => {
    const { blob } = await create(utf8('some vault data'));
    const bytes = blobBytes(blob);
    const truncated = Buffer.from(bytes.subarray(0, bytes.length - cut)).toString('base64');
    await expect(unlockEnvelope(truncated, PASSWORD)).rejects.toBeInstanceOf(VaultCorrupted);
  });

  it.each([
    ['a newer format version', LAYOUT.version, 2],
    ['format version 0', LAYOUT.version, 0],
    ['an unknown KDF id', LAYOUT.kdfId, 2],
  ])('an intact blob with %s is UnsupportedVersion', async (_name, offset, value) => {
    const { blob } = await create(utf8('x'));
    const forged = forge(blob, (body) => {
      body[offset] = value;
    });
    await expect(unlockEnvelope(forged, PASSWORD)).rejects.toBeInstanceOf(UnsupportedVersion);
    await expect(readEnvelopeHeader(forged)).rejects.toMatchObject({ code: 'vault/unsupported-version' });
  });

  it('forged KDF parameters (checksum fixed up) cannot unwrap: bound as additional data', async () => {
    const { blob } = await create(utf8('x'));
    const forged = forge(blob, (body) => {
      body[LAYOUT.iterations + 3] = (body[LAYOUT.iterations + 3] ?? 0) ^ 1;
    });
    await expect(unlockEnvelope(forged, PASSWORD)).rejects.toBeInstanceOf(WrongPassword);
  });

  it.each([
    ['vault id', LAYOUT.vaultId],
    ['data IV', LAYOUT.dataIv],
    ['ciphertext', LAYOUT.ciphertext],
  ])('forged %s with a fixed-up checksum is never accepted', async (_name, offset) => {
    const { blob } = await create(utf8('x'));
    const forged = forge(blob, (body) => {
      body[offset] = (body[offset] ?? 0) ^ 0x80;
    });
    // The vault id is also in the wrap AAD, so a forged id fails at the unwrap.
    const expected = offset === LAYOUT.vaultId ? WrongPassword : VaultCorrupted;
    await expect(unlockEnvelope(forged, PASSWORD)).rejects.toBeInstanceOf(expected);
  });
});

describe('session operations with a cached vault key', () => {
  it('openWithKey returns the plaintext; a key of another vault is VaultCorrupted', async () => {
    const a = await create(utf8('vault A'));
    const b = await create(utf8('vault B'));
    expect(fromUtf8(await openWithKey(a.blob, a.vaultKey))).toBe('vault A');
    await expect(openWithKey(a.blob, b.vaultKey)).rejects.toBeInstanceOf(VaultCorrupted);
  });

  it('a vault key of the wrong length is refused (no silent AES-128)', async () => {
    const { blob } = await create(utf8('x'));
    await expect(openWithKey(blob, new Uint8Array(16))).rejects.toBeInstanceOf(RangeError);
  });

  it('sealWithKey uses a fresh IV every time: two seals of the same plaintext differ', async () => {
    const { blob, vaultKey } = await create(utf8('v1'));
    const plaintext = utf8('same plaintext');
    const first = blobBytes(await sealWithKey(blob, vaultKey, plaintext));
    const second = blobBytes(await sealWithKey(blob, vaultKey, plaintext));
    const ivOf = (bytes: Uint8Array) => [...bytes.subarray(LAYOUT.dataIv, LAYOUT.ciphertext)];
    expect(ivOf(first)).not.toEqual(ivOf(second));
    expect([...first.subarray(LAYOUT.ciphertext)]).not.toEqual([...second.subarray(LAYOUT.ciphertext)]);
  });

  it('sealWithKey keeps the key section and vault id, and the password still opens it', async () => {
    const { blob, vaultKey } = await create(utf8('v1'));
    const sealed = await sealWithKey(blob, vaultKey, utf8('v2'));
    expect(blobBytes(sealed).subarray(0, LAYOUT.dataIv)).toEqual(blobBytes(blob).subarray(0, LAYOUT.dataIv));
    expect(await readEnvelopeHeader(sealed)).toEqual(await readEnvelopeHeader(blob));
    expect(fromUtf8((await unlockEnvelope(sealed, PASSWORD)).plaintext)).toBe('v2');
  });

  it('sealWithKey refuses a key that does not open the previous blob (would lose the vault)', async () => {
    const a = await create(utf8('A'));
    const b = await create(utf8('B'));
    await expect(sealWithKey(a.blob, b.vaultKey, utf8('oops'))).rejects.toBeInstanceOf(VaultCorrupted);
  });

  it('readEnvelopeHeader reports version, KDF, iterations and a 16-byte hex vault id', async () => {
    const { blob } = await create(utf8('x'));
    const header = await readEnvelopeHeader(blob);
    expect(header).toMatchObject({ formatVersion: 1, kdf: 'PBKDF2-HMAC-SHA256', iterations: ITERATIONS });
    expect(header.vaultId).toMatch(/^[0-9a-f]{32}$/);
  });
});
