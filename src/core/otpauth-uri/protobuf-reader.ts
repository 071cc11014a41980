/**
 * A minimal, bounds-checked reader of the protobuf wire format
 * (https://protobuf.dev/programming-guides/encoding/), enough for the Google Authenticator
 * migration payload. Every read checks the remaining length; any malformation throws
 * `migration/bad-payload`, so a damaged QR is never partially imported.
 */
import { CoreError } from '../errors';

export const WIRE = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;

export interface Tag {
  field: number;
  wireType: number;
}

/** Longest varint: 64 bits / 7 bits per byte → 10 bytes. */
const MAX_VARINT_BYTES = 10;

export class ProtobufReader {
  #pos = 0;
  readonly #bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  get done(): boolean {
    return this.#pos >= this.#bytes.length;
  }

  /** Reads a field key: field number (>= 1) and wire type. */
  readTag(): Tag {
    const key = this.readVarint();
    const field = Number(key >> 3n);
    if (field < 1 || field > 0x1fffffff) throw bad('invalid field number');
    return { field, wireType: Number(key & 7n) };
  }

  /** Reads a base-128 varint as an unsigned 64-bit value. */
  readVarint(): bigint {
    let result = 0n;
    for (let i = 0; i < MAX_VARINT_BYTES; i++) {
      const byte = this.#take(1)[0] ?? 0;
      result |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) return BigInt.asUintN(64, result);
    }
    throw bad('varint longer than 10 bytes');
  }

  /** Reads a length-delimited field (wire type 2). */
  readBytes(): Uint8Array {
    const length = this.readVarint();
    if (length > BigInt(this.#bytes.length - this.#pos)) throw bad('truncated length-delimited field');
    return this.#take(Number(length));
  }

  /** Skips a field of an unknown number; groups (wire types 3, 4) are not supported. */
  skip(wireType: number): void {
    if (wireType === WIRE.varint) this.readVarint();
    else if (wireType === WIRE.fixed64) this.#take(8);
    else if (wireType === WIRE.bytes) this.readBytes();
    else if (wireType === WIRE.fixed32) this.#take(4);
    else throw bad(`unsupported wire type ${wireType}`);
  }

  #take(count: number): Uint8Array {
    if (count > this.#bytes.length - this.#pos) throw bad('truncated payload');
    const slice = this.#bytes.subarray(this.#pos, this.#pos + count);
    this.#pos += count;
    return slice;
  }
}

/** Checks that a known field arrived with the wire type the schema declares. */
export function expectWireType(tag: Tag, wireType: number): void {
  if (tag.wireType !== wireType) throw bad(`field ${tag.field} has wire type ${tag.wireType}`);
}

/** proto3 int32: the low 32 bits of the varint, two's complement (negatives use 10 bytes). */
export function toInt32(value: bigint): number {
  return Number(BigInt.asIntN(32, value));
}

function bad(reason: string): CoreError {
  return new CoreError('migration/bad-payload', `Invalid migration payload: ${reason}`, 'data');
}
