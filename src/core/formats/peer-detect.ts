/**
 * Cheap recognition of the encrypted exports peer-encrypted.ts opens (no crypto imported here, so the
 * options page can ask "does this need a password first?" without loading any KDF).
 */
import { unrecognized } from './import-errors';
import type { JsonRecord } from './json-read';
import { accountRestricted, isAuthenticatorV3, isBitwardenEncrypted, isEnteEncrypted } from './peer-shapes';

export const PEER_ENCRYPTED_FORMATS = ['bitwarden-encrypted', 'ente-auth-encrypted', 'authenticator-ext-v3'] as const;
export type PeerEncryptedFormat = (typeof PEER_ENCRYPTED_FORMATS)[number];

/** Parsed JSON of the file, when it is JSON at all. */
function json(text: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    // Not whole JSON (cut off?): importFile reports it as import/corrupt.
    return undefined;
  }
}

/** The peer format of `text`, or undefined; an account-restricted Bitwarden export throws at once. */
export function peekPeerEncrypted(text: string): { format: PeerEncryptedFormat; json: JsonRecord } | undefined {
  const value = json(text);
  if (isBitwardenEncrypted(value)) {
    if (value['passwordProtected'] !== true) throw accountRestricted();
    return { format: 'bitwarden-encrypted', json: value };
  }
  if (isEnteEncrypted(value)) return { format: 'ente-auth-encrypted', json: value };
  if (isAuthenticatorV3(value)) return { format: 'authenticator-ext-v3', json: value };
  return undefined;
}

export function detectPeerEncrypted(text: string): { format: PeerEncryptedFormat; json: JsonRecord } {
  const peer = peekPeerEncrypted(text);
  if (!peer) throw unrecognized();
  return peer;
}
