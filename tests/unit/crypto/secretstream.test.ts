/** Our secretstream framing over @noble/ciphers against libsodium's own output (scripts/make-libsodium-fixtures.py). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  initPull,
  initPush,
  pull,
  push,
  SecretstreamAuthError,
  TAG_FINAL,
} from '../../../src/core/crypto/secretstream';

interface Case {
  key: string;
  header: string;
  ad: string;
  messages: { plain: string; tag: number; cipher: string }[];
}
const { cases } = JSON.parse(
  readFileSync(new URL('../../fixtures/vectors/secretstream-libsodium.json', import.meta.url), 'utf8'),
) as { cases: Case[] };
const hex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('secretstream xchacha20poly1305 (libsodium known answers)', () => {
  it.each(cases.map((c, i) => [i, c] as const))(
    'case %i: push gives libsodium bytes, pull gives the message and tag',
    (_, c) => {
      const pushState = initPush(hex(c.key), hex(c.header));
      const pullState = initPull(hex(c.key), hex(c.header));
      for (const m of c.messages) {
        expect(toHex(push(pushState, hex(m.plain), m.tag, hex(c.ad)))).toBe(m.cipher);
        const opened = pull(pullState, hex(m.cipher), hex(c.ad));
        expect(toHex(opened.message)).toBe(m.plain);
        expect(opened.tag).toBe(m.tag);
      }
    },
  );

  it('refuses a flipped bit, a wrong key and a truncated message', () => {
    const c = cases[1]!;
    const m = c.messages[0]!;
    const flipped = hex(m.cipher);
    flipped[5]! ^= 1;
    expect(() => pull(initPull(hex(c.key), hex(c.header)), flipped)).toThrow(SecretstreamAuthError);
    const otherKey = hex(c.key);
    otherKey[0]! ^= 1;
    expect(() => pull(initPull(otherKey, hex(c.header)), hex(m.cipher))).toThrow(SecretstreamAuthError);
    expect(() => pull(initPull(hex(c.key), hex(c.header)), hex(m.cipher).subarray(0, 20))).toThrow(
      SecretstreamAuthError,
    );
    expect(m.tag).toBe(TAG_FINAL);
  });
});
