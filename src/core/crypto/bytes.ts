/**
 * HAZMAT: byte helpers used by the vault envelope. Small and dependency-free on purpose.
 *
 * Base64 itself lives in ../bytes/base64 (RFC 4648 §4); this module only wraps it so a
 * malformed stored blob fails as `vault/corrupted` rather than as an import-format error.
 */
import { decodeBase64, encodeBase64 } from '../bytes/base64';
import { VaultCorrupted } from '../errors';

/**
 * A copy backed by a plain ArrayBuffer: WebCrypto's `BufferSource` (TS ≥ 5.7 lib.dom) rejects
 * views over a possibly shared buffer, and a copy also keeps callers' arrays out of our hands.
 */
export function toBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

/** Concatenates byte arrays into one fresh array. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Byte-wise equality. Not constant-time: used only on public data (checksums, headers, ids). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Unsigned 32-bit big-endian ("network order") encoding. */
export function u32be(value: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, false);
  return out;
}

/** Reads an unsigned 32-bit big-endian integer at `offset`. */
export function readU32be(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset, false);
}

/** Lower-case hex, e.g. for the vault id. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Encodes a sealed blob for storage (standard padded base64). */
export function blobToBase64(bytes: Uint8Array): string {
  return encodeBase64(bytes);
}

/** Decodes a stored blob; anything that is not base64 is a corrupted vault. */
export function blobFromBase64(text: string): Uint8Array<ArrayBuffer> {
  try {
    return toBuffer(decodeBase64(text));
  } catch (cause) {
    throw new VaultCorrupted('Vault blob is not valid base64', { cause });
  }
}
