/**
 * Test data: `vectors/...` (RFC and URI vectors) is carried by this repository in tests/fixtures/vectors;
 * `peer-fixtures/...` (GPL) is read from ../shared beside the repository, when it is there
 * (tests/peer-fixtures.ts). Resolved relative to this file so any test folder works.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { PEER_ROOT } from '../peer-fixtures';

/** URL of a test-data file, e.g. sharedUrl('vectors/rfc4226.json'), sharedUrl('peer-fixtures/aegis/x'). */
export function sharedUrl(relativePath: string): URL {
  if (relativePath.startsWith('peer-fixtures/')) {
    return pathToFileURL(`${PEER_ROOT}/${relativePath.slice('peer-fixtures/'.length)}`);
  }
  return new URL(`../fixtures/${relativePath}`, import.meta.url);
}

/** Reads and parses a JSON fixture; the caller states the shape it relies on. */
export function loadJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(sharedUrl(relativePath), 'utf8')) as T;
}

export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || /[^0-9a-f]/i.test(hex)) throw new Error(`bad hex: ${hex}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
