/**
 * Other apps' encrypted exports that we open before the import proper: Bitwarden (password
 * protected), Ente Auth (encrypted) and the Authenticator extension's current (v3) backup. Opening
 * one gives that app's own plain export (Bitwarden JSON, otpauth:// lines, Authenticator JSON), which
 * `importFile` then reads like any other file. The options page loads this module on demand, so its
 * KDFs and ciphers weigh on no other bundle (see peer-detect.ts for the cheap recognition step).
 */
import type { Argon2Fn } from '../crypto/argon2';
import { decryptAuthenticatorV3 } from './authenticator-ext-v3';
import { decryptBitwardenExport } from './bitwarden-encrypted';
import { decryptEnteExport } from './ente-encrypted';
import { asCorrupt } from './import-errors';
import { DEFAULT_KDF_LIMITS, type KdfLimits } from './kdf-limits';
import { detectPeerEncrypted, type PeerEncryptedFormat } from './peer-detect';

export interface PeerOpenOptions {
  subtle?: SubtleCrypto;
  limits?: KdfLimits;
  /** Argon2id (tests and the fuzzer pass their own; default @noble/hashes). */
  argon2?: Argon2Fn;
}

export interface OpenedPeerExport {
  format: PeerEncryptedFormat;
  /** The app's own plain export, for `importFile`. Secret. */
  text: string;
}

/**
 * Opens `text` with `password`. Throws `import/unrecognized` for a file that is none of these,
 * `import/account-restricted` (Bitwarden account key), `import/wrong-password`, `import/corrupt`,
 * `import/too-costly` (KDF beyond the app's own maximum) or `import/unsupported-version`.
 */
export async function openPeerExport(
  text: string,
  password: string,
  options: PeerOpenOptions = {},
): Promise<OpenedPeerExport> {
  const subtle = options.subtle ?? globalThis.crypto.subtle;
  const limits = options.limits ?? DEFAULT_KDF_LIMITS;
  const { argon2 } = options;
  const peer = detectPeerEncrypted(text);
  const inner = await asCorrupt('the encrypted export', () => {
    switch (peer.format) {
      case 'bitwarden-encrypted':
        return decryptBitwardenExport(peer.json, password, subtle, limits, argon2);
      case 'ente-auth-encrypted':
        return decryptEnteExport(peer.json, password, limits, argon2);
      case 'authenticator-ext-v3':
        return decryptAuthenticatorV3(peer.json, password, subtle, limits, argon2);
    }
  });
  return { format: peer.format, text: inner };
}
