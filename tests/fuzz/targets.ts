/**
 * The fuzz targets: the otpauth URI parser, the migration decoder, every import parser (through
 * importFile, with and without a password), other apps' encrypted exports, and our backup reader.
 */
import fc from 'fast-check';
import { encodeBase64 } from '../../src/core/bytes/base64';
import { importFile, verifyBackup } from '../../src/core/formats';
import type { KdfLimits } from '../../src/core/formats/kdf-limits';
import { openPeerExport } from '../../src/core/formats/peer-encrypted';
import { peekPeerEncrypted } from '../../src/core/formats/peer-detect';
import { decodeMigrationPayload, parseMigrationUri, parseOtpauthUri } from '../../src/core/otpauth-uri';
import { argon2id } from '../../src/core/crypto/argon2';
import { sha256 } from '@noble/hashes/sha2.js';
import { mutatedJson, mutatedText, otpauthLike, randomBytes, randomText } from './arbitraries';
import { timedKdf, type FuzzTarget } from './harness';
import { ACCOUNTS, PLAIN_JSON_SAMPLES, textSamples } from './samples';

/** KDF costs the fuzzer allows: enough for the fuzz samples (Bitwarden 16 MiB × 2 or 5000 PBKDF2, Authenticator 19 MiB × 2). */
export const FUZZ_LIMITS: KdfLimits = {
  argon2MemoryBytes: 20 * 2 ** 20,
  argon2WorkBytes: 40 * 2 ** 20,
  argon2Parallelism: 4,
  pbkdf2Iterations: 10_000,
};

/** The samples' own passwords (tests/fixtures/imports/make-peer-exports.mjs). */
const SAMPLE_PASSWORDS = new Set([
  'bitwarden-sample-password',
  'ente-sample-password',
  'authenticator-sample-password',
]);

/**
 * Real Argon2id for the first `real` distinct derivations with a sample's own password (so mutations
 * after the KDF reach the decrypted contents), a cheap stand-in for the rest: the fuzzer tests the
 * parsers around the KDF, whose cost is bounded by the limits checked before it
 * (tests/unit/formats/peer-encrypted.test.ts runs the real one on every sample).
 */
function fuzzArgon2(real: number): typeof argon2id {
  const cache = new Map<string, Promise<Uint8Array>>();
  return (password, salt, params, dkLen = 32) => {
    const key = `${encodeBase64(password)}|${encodeBase64(salt)}|${JSON.stringify(params)}|${dkLen}`;
    const hit = cache.get(key);
    if (hit) return hit;
    if (cache.size >= real || !SAMPLE_PASSWORDS.has(new TextDecoder().decode(password))) {
      return Promise.resolve(sha256(new TextEncoder().encode(key)).subarray(0, dkLen));
    }
    const derived = timedKdf(() => argon2id(password, salt, params, dkLen));
    cache.set(key, derived);
    return derived;
  };
}

/** `realArgon2`: how many real Argon2id derivations the peer-export target may spend (see fuzzArgon2). */
export async function fuzzTargets({ realArgon2 = 12 }: { realArgon2?: number } = {}): Promise<FuzzTarget<unknown>[]> {
  const texts = await textSamples();
  const jsonTexts = texts.flatMap((t) => {
    try {
      return [JSON.parse(t) as unknown];
    } catch {
      return [];
    }
  });
  const migrationPayloads = texts.filter((t) => t.startsWith('otpauth-migration:'));
  const peerTexts = texts.filter((t) => peekSafe(t));
  const backups = texts.filter((t) => t.includes('"clickauth-backup"') || t.includes('"format"'));
  const argon2 = fuzzArgon2(realArgon2);
  const passwords = fc.constantFrom(
    undefined,
    'pw',
    'bitwarden-sample-password',
    'ente-sample-password',
    'authenticator-sample-password',
    'wrong',
  );

  const uri: FuzzTarget<string> = {
    name: 'otpauth URI parser',
    arbitrary: fc.oneof(
      otpauthLike,
      randomText,
      mutatedText(texts.filter((t) => t.startsWith('otpauth://')).flatMap((t) => t.split('\n'))),
    ),
    run: (input) => parseOtpauthUri(input),
  };
  const migration: FuzzTarget<string | Uint8Array> = {
    name: 'migration decoder',
    arbitrary: fc.oneof(
      randomBytes,
      randomBytes.map((b) => `otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(b))}`),
      mutatedText(migrationPayloads),
      fc.tuple(fc.nat(), fc.nat({ max: 255 }), fc.nat()).map(([at, byte, cut]) => {
        const data = decodeURIComponent(migrationPayloads[0]!.split('data=')[1]!);
        const bytes = Uint8Array.from(Buffer.from(data, 'base64'));
        bytes[at % bytes.length] = byte;
        return bytes.subarray(0, bytes.length - (cut % 8));
      }),
    ),
    run: (input) => (typeof input === 'string' ? parseMigrationUri(input) : decodeMigrationPayload(input)),
  };
  const parsers: FuzzTarget<[string | Uint8Array, string | undefined]> = {
    name: 'import parsers',
    arbitrary: fc.tuple(
      fc.oneof(
        randomBytes,
        randomText,
        fc.json({ maxDepth: 4 }),
        mutatedJson([...PLAIN_JSON_SAMPLES, ...jsonTexts]),
        mutatedText(texts),
      ),
      passwords,
    ),
    run: ([input, password], subtle) => importFile(input, { subtle, ...(password === undefined ? {} : { password }) }),
  };
  const peers: FuzzTarget<[string, string]> = {
    name: 'peer encrypted exports',
    arbitrary: fc.tuple(
      fc.oneof(mutatedJson(peerTexts.map((t) => JSON.parse(t) as unknown)), mutatedText(peerTexts)),
      passwords.map((p) => p ?? ''),
    ),
    run: async ([text, password], subtle) => {
      const peer = peekPeerEncrypted(text);
      if (peer) return openPeerExport(text, password, { subtle, limits: FUZZ_LIMITS, argon2 });
      return undefined;
    },
  };
  const backup: FuzzTarget<[string, boolean]> = {
    name: 'backup reader',
    arbitrary: fc.tuple(
      fc.oneof(mutatedJson(backups.map((t) => JSON.parse(t) as unknown)), mutatedText(backups)),
      fc.boolean(),
    ),
    run: async ([text, verify], subtle) =>
      verify ? verifyBackup(text, 'pw', ACCOUNTS, { subtle }) : importFile(text, { subtle, password: 'pw' }),
  };
  return [uri, migration, parsers, peers, backup] as FuzzTarget<unknown>[];
}

function peekSafe(text: string): boolean {
  try {
    return peekPeerEncrypted(text) !== undefined;
  } catch {
    return true;
  }
}
