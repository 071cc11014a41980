import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMigrationPayload } from '../../../src/core/otpauth-uri';
import { ProtobufReader } from '../../../src/core/otpauth-uri/protobuf-reader';
import { ProtobufWriter } from '../../../src/core/otpauth-uri/protobuf-writer';
import { coreErrorOf } from './uri-cases';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('ProtobufReader', () => {
  it('reads varints up to 64 bits', () => {
    expect(new ProtobufReader(bytes(0x96, 0x01)).readVarint()).toBe(150n);
    const max = bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01);
    expect(new ProtobufReader(max).readVarint()).toBe(2n ** 64n - 1n);
  });

  it('round-trips varints written by ProtobufWriter (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (value) => {
        const reader = new ProtobufReader(new ProtobufWriter().varint(1, value).finish());
        expect(reader.readTag()).toEqual({ field: 1, wireType: 0 });
        expect(reader.readVarint()).toBe(value);
        expect(reader.done).toBe(true);
      }),
    );
  });

  it.each([
    ['an 11-byte varint', bytes(0x08, ...Array<number>(10).fill(0x80), 0x01)],
    ['a varint cut off', bytes(0x08, 0x80)],
    ['a length beyond the end', bytes(0x0a, 0x05, 0x01)],
    ['a huge length', bytes(0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f)],
    ['a cut-off fixed32', bytes(0x4d, 1, 2)],
    ['a cut-off fixed64', bytes(0x51, 1, 2, 3, 4, 5, 6, 7)],
    ['wire type 3 (group start)', bytes(0x4b)],
    ['wire type 4 (group end)', bytes(0x4c)],
    ['wire type 6', bytes(0x4e)],
    ['field number 0', bytes(0x00, 0x00)],
    ['otp_parameters as a varint', bytes(0x08, 0x01)],
    ['version as bytes', bytes(0x12, 0x00)],
    ['a name that is not UTF-8', bytes(0x0a, 0x04, 0x12, 0x02, 0xc3, 0x28)],
  ])('rejects %s with migration/bad-payload', (_name, payload) => {
    const error = coreErrorOf(() => decodeMigrationPayload(payload));
    expect([error.code, error.field]).toEqual(['migration/bad-payload', 'data']);
  });

  it('never throws anything but a CoreError on random bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (payload) => {
        try {
          decodeMigrationPayload(payload);
        } catch (error) {
          expect(
            coreErrorOf(() => {
              throw error;
            }).code,
          ).toMatch(/^migration\//);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('an empty payload is a batch with nothing in it', () => {
    expect(decodeMigrationPayload(new Uint8Array(0))).toEqual({
      accounts: [],
      version: 0,
      batchSize: 0,
      batchIndex: 0,
      batchId: 0,
    });
  });
});
