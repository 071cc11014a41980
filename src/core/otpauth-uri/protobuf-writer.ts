/** The writing half of ./protobuf-reader.ts: varint and length-delimited fields only. */

export class ProtobufWriter {
  readonly #chunks: number[] = [];

  /** Writes a varint field; negative numbers are written as 64-bit two's complement (proto3 int32/int64). */
  varint(field: number, value: number | bigint): this {
    this.#rawVarint(BigInt((field << 3) | 0));
    this.#rawVarint(BigInt.asUintN(64, BigInt(value)));
    return this;
  }

  /** Writes a length-delimited field. */
  bytes(field: number, value: Uint8Array): this {
    this.#rawVarint(BigInt((field << 3) | 2));
    this.#rawVarint(BigInt(value.length));
    for (const byte of value) this.#chunks.push(byte);
    return this;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.#chunks);
  }

  #rawVarint(value: bigint): void {
    let rest = value;
    while (rest >= 0x80n) {
      this.#chunks.push(Number(rest & 0x7fn) | 0x80);
      rest >>= 7n;
    }
    this.#chunks.push(Number(rest));
  }
}
