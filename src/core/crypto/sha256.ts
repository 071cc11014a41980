import { toBuffer } from './bytes';

/** SHA-256 (FIPS 180-4) through WebCrypto: the vault blob's checksum and backup formats' digests. */
export async function sha256(subtle: SubtleCrypto, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle.digest('SHA-256', toBuffer(data)));
}
