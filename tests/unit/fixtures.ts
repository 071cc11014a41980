/**
 * Test data shared by the team lives in /work/shared, next to this repo (/work/main):
 * from tests/unit that is ../../../shared. Resolved relative to this file so any test folder works.
 */
import { readFileSync } from 'node:fs';

/** URL of a file under the shared folder, e.g. sharedUrl('vectors/rfc4226.json'). */
export function sharedUrl(relativePath: string): URL {
  return new URL(`../../../shared/${relativePath}`, import.meta.url);
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
