/**
 * Base64 (RFC 4648 §4 and §5) against node's Buffer as the reference: every byte string round-trips,
 * both alphabets and unpadded input decode, and anything outside the alphabet is a typed error.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase64, encodeBase64 } from '../../../src/core/bytes/base64';
import { isCoreError } from '../../../src/core/errors';

const bytes = fc.uint8Array({ maxLength: 300 });

describe('base64', () => {
  it('encodes as Buffer does (standard alphabet, padded)', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        expect(encodeBase64(b)).toBe(Buffer.from(b).toString('base64'));
      }),
    );
  });

  it('decodes standard, URL-safe, padded and unpadded forms to the same bytes', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const standard = Buffer.from(b).toString('base64');
        for (const text of [standard, standard.replace(/=+$/, ''), Buffer.from(b).toString('base64url')])
          expect([...decodeBase64(text)]).toEqual([...b]);
      }),
    );
  });

  it('RFC 4648 §10 test vectors', () => {
    const vectors = {
      '': '',
      f: 'Zg==',
      fo: 'Zm8=',
      foo: 'Zm9v',
      foob: 'Zm9vYg==',
      fooba: 'Zm9vYmE=',
      foobar: 'Zm9vYmFy',
    };
    for (const [plain, encoded] of Object.entries(vectors)) {
      expect(encodeBase64(new TextEncoder().encode(plain))).toBe(encoded);
      expect(new TextDecoder().decode(decodeBase64(encoded))).toBe(plain);
    }
  });

  it('refuses what is not base64 with a typed error', () => {
    for (const bad of ['Zm9v YmFy', 'Zm9v\nYmFy', 'Zm=9v', 'Zm9vY', 'Zm9v!', 'Zm9vé', 'Zm9v\u0000'])
      expect(() => decodeBase64(bad), bad).toThrow(
        expect.objectContaining({ code: 'migration/bad-payload' }) as unknown as Error,
      );
    let caught: unknown;
    try {
      decodeBase64('Zm9v YmFy');
    } catch (error) {
      caught = error;
    }
    expect(isCoreError(caught, 'migration/bad-payload')).toBe(true);
  });

  it('a 1 MB blob round-trips (the vault of 1000 accounts)', () => {
    const big = new Uint8Array(1_000_003).map((_, i) => (i * 131 + 7) & 255);
    const text = encodeBase64(big);
    expect(text).toBe(Buffer.from(big).toString('base64'));
    expect(Buffer.compare(decodeBase64(text), big)).toBe(0);
  });
});
