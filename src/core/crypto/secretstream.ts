/**
 * HAZMAT: libsodium's crypto_secretstream_xchacha20poly1305 framing (libsodium
 * src/libsodium/crypto_secretstream/xchacha20poly1305/secretstream_xchacha20poly1305.c), built on
 * @noble/ciphers' HChaCha20, ChaCha20 (RFC 8439, IETF nonce) and Poly1305. Only the framing is ours:
 *
 * - header (24 random bytes): k = HChaCha20(key, header[0..16]); nonce = counter(4, LE, starts at 1) ‖
 *   inonce(8) = header[16..24].
 * - each message: the Poly1305 key is ChaCha20(k, nonce, block 0)[0..32]; a 64-byte block [tag, 0…] is
 *   encrypted at block 1 (its first byte is sent), the message at block 2 onwards; the MAC covers
 *   ad, pad, the whole encrypted 64-byte block, the ciphertext, libsodium's pad of
 *   (0x10 - 64 + mlen) & 0xf bytes, LE64(adlen), LE64(64 + mlen). Output: tag byte ‖ c ‖ mac(16).
 * - after each message: inonce ^= mac[0..8], counter += 1; rekey when the tag has REKEY (FINAL does)
 *   or the counter wrapped.
 *
 * Known-answer tests against libsodium itself: tests/unit/crypto/secretstream.test.ts.
 */
import { chacha20, hchacha } from '@noble/ciphers/chacha.js';
import { poly1305 } from '@noble/ciphers/_poly1305.js';

export const SECRETSTREAM_HEADER_BYTES = 24;
export const SECRETSTREAM_ABYTES = 17;
export const TAG_MESSAGE = 0;
export const TAG_PUSH = 1;
export const TAG_REKEY = 2;
export const TAG_FINAL = 3;

/** A MAC mismatch: wrong key or damaged data (the caller decides which to report). */
export class SecretstreamAuthError extends Error {
  override readonly name = 'SecretstreamAuthError';
}

export interface StreamState {
  k: Uint8Array;
  nonce: Uint8Array;
}

// "expand 32-byte k" as four little-endian words (RFC 8439 §2.3).
const SIGMA = new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);

const words = (bytes: Uint8Array): Uint32Array => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: bytes.length / 4 }, (_, i) => view.getUint32(4 * i, true));
};

function hchacha20(key: Uint8Array, input16: Uint8Array): Uint8Array {
  const out = new Uint32Array(8);
  hchacha(SIGMA, words(key), words(input16), out);
  const bytes = new Uint8Array(32);
  const view = new DataView(bytes.buffer);
  out.forEach((word, i) => view.setUint32(4 * i, word, true));
  return bytes;
}

function init(key: Uint8Array, header: Uint8Array): StreamState {
  if (key.length !== 32 || header.length !== SECRETSTREAM_HEADER_BYTES)
    throw new RangeError('secretstream: bad key or header length');
  const nonce = new Uint8Array(12);
  nonce[0] = 1;
  nonce.set(header.subarray(16, 24), 4);
  return { k: hchacha20(key, header.subarray(0, 16)), nonce };
}

const keystream = (state: StreamState, length: number, counter: number): Uint8Array =>
  chacha20(state.k, state.nonce, new Uint8Array(length), undefined, counter);

function le64(n: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n), true);
  return out;
}

/** The MAC input: ad ‖ pad ‖ block ‖ c ‖ libsodium's pad ‖ LE64(adlen) ‖ LE64(64 + mlen). */
function macOf(state: StreamState, block: Uint8Array, c: Uint8Array, ad: Uint8Array): Uint8Array {
  const adPad = (0x10 - ad.length) & 0xf;
  // libsodium writes (0x10 - sizeof block + mlen) & 0xf, not the usual "pad to 16": kept as is.
  const cPad = (0x10 - 64 + c.length) & 0xf;
  const data = new Uint8Array(ad.length + adPad + 64 + c.length + cPad + 16);
  let at = 0;
  data.set(ad, at);
  at += ad.length + adPad;
  data.set(block, at);
  at += 64;
  data.set(c, at);
  at += c.length + cPad;
  data.set(le64(ad.length), at);
  data.set(le64(64 + c.length), at + 8);
  return poly1305(data, keystream(state, 64, 0).subarray(0, 32));
}

function rekey(state: StreamState): void {
  const fresh = new Uint8Array(40);
  fresh.set(state.k);
  fresh.set(state.nonce.subarray(4), 32);
  const mixed = chacha20(state.k, state.nonce, fresh);
  state.k = mixed.subarray(0, 32);
  state.nonce = new Uint8Array(12);
  state.nonce[0] = 1;
  state.nonce.set(mixed.subarray(32), 4);
}

function advance(state: StreamState, mac: Uint8Array, tag: number): void {
  for (let i = 0; i < 8; i++) state.nonce[4 + i]! ^= mac[i]!;
  const view = new DataView(state.nonce.buffer, state.nonce.byteOffset, 4);
  view.setUint32(0, (view.getUint32(0, true) + 1) >>> 0, true);
  if ((tag & TAG_REKEY) !== 0 || view.getUint32(0, true) === 0) rekey(state);
}

export const initPull = init;
export const initPush = init;

/** Encrypts one message (used by our tests and fixture tools; the importers only pull). */
export function push(state: StreamState, message: Uint8Array, tag: number, ad = new Uint8Array(0)): Uint8Array {
  const block = new Uint8Array(64);
  block[0] = tag;
  const encBlock = chacha20(state.k, state.nonce, block, undefined, 1);
  const c = chacha20(state.k, state.nonce, message, undefined, 2);
  const mac = macOf(state, encBlock, c, ad);
  const out = new Uint8Array(1 + c.length + 16);
  out[0] = encBlock[0]!;
  out.set(c, 1);
  out.set(mac, 1 + c.length);
  advance(state, mac, tag);
  return out;
}

/** Decrypts one message; throws SecretstreamAuthError when the MAC does not match. */
export function pull(
  state: StreamState,
  input: Uint8Array,
  ad = new Uint8Array(0),
): { message: Uint8Array; tag: number } {
  if (input.length < SECRETSTREAM_ABYTES) throw new SecretstreamAuthError('secretstream: message too short');
  const c = input.subarray(1, input.length - 16);
  const received = input.subarray(input.length - 16);
  const block = keystream(state, 64, 1);
  const tag = (block[0]! ^ input[0]!) & 0xff;
  block[0] = input[0]!;
  const mac = macOf(state, block, c, ad);
  let diff = 0;
  for (let i = 0; i < 16; i++) diff |= mac[i]! ^ received[i]!;
  if (diff !== 0) throw new SecretstreamAuthError('secretstream: authentication failed');
  const message = chacha20(state.k, state.nonce, c, undefined, 2);
  advance(state, mac, tag);
  return { message, tag };
}
