/**
 * The Google Authenticator export protobuf (as documented by dim13/otpauth migration.proto):
 *   MigrationPayload { repeated OtpParameters otp_parameters = 1; int32 version = 2;
 *                      int32 batch_size = 3; int32 batch_index = 4; int32 batch_id = 5; }
 *   OtpParameters { bytes secret = 1; string name = 2; string issuer = 3; Algorithm algorithm = 4;
 *                   DigitCount digits = 5; OtpType type = 6; int64 counter = 7; }
 * Absent scalar fields take the proto3 default (0, "", empty bytes). Unknown fields are skipped.
 */
import { CoreError } from '../errors';
import { ProtobufReader, WIRE, expectWireType, toInt32 } from './protobuf-reader';
import { ProtobufWriter } from './protobuf-writer';

export interface RawOtpParameters {
  secret: Uint8Array;
  name: string;
  issuer: string;
  /** 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5 */
  algorithm: number;
  /** 0 unspecified, 1 six, 2 eight */
  digits: number;
  /** 0 unspecified, 1 HOTP, 2 TOTP */
  type: number;
  counter: bigint;
}

export interface RawPayload {
  otpParameters: RawOtpParameters[];
  version: number;
  batchSize: number;
  batchIndex: number;
  batchId: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodePayload(bytes: Uint8Array): RawPayload {
  const reader = new ProtobufReader(bytes);
  const payload: RawPayload = { otpParameters: [], version: 0, batchSize: 0, batchIndex: 0, batchId: 0 };
  const ints = { 2: 'version', 3: 'batchSize', 4: 'batchIndex', 5: 'batchId' } as const;
  while (!reader.done) {
    const tag = reader.readTag();
    if (tag.field === 1) {
      expectWireType(tag, WIRE.bytes);
      payload.otpParameters.push(decodeOtpParameters(reader.readBytes()));
    } else if (tag.field === 2 || tag.field === 3 || tag.field === 4 || tag.field === 5) {
      expectWireType(tag, WIRE.varint);
      payload[ints[tag.field]] = toInt32(reader.readVarint());
    } else {
      reader.skip(tag.wireType);
    }
  }
  return payload;
}

function decodeOtpParameters(bytes: Uint8Array): RawOtpParameters {
  const reader = new ProtobufReader(bytes);
  const entry: RawOtpParameters = {
    secret: new Uint8Array(0),
    name: '',
    issuer: '',
    algorithm: 0,
    digits: 0,
    type: 0,
    counter: 0n,
  };
  while (!reader.done) {
    const tag = reader.readTag();
    switch (tag.field) {
      case 1:
        expectWireType(tag, WIRE.bytes);
        entry.secret = reader.readBytes().slice();
        break;
      case 2:
        expectWireType(tag, WIRE.bytes);
        entry.name = decodeUtf8(reader.readBytes());
        break;
      case 3:
        expectWireType(tag, WIRE.bytes);
        entry.issuer = decodeUtf8(reader.readBytes());
        break;
      case 4:
        expectWireType(tag, WIRE.varint);
        entry.algorithm = toInt32(reader.readVarint());
        break;
      case 5:
        expectWireType(tag, WIRE.varint);
        entry.digits = toInt32(reader.readVarint());
        break;
      case 6:
        expectWireType(tag, WIRE.varint);
        entry.type = toInt32(reader.readVarint());
        break;
      case 7:
        expectWireType(tag, WIRE.varint);
        entry.counter = BigInt.asIntN(64, reader.readVarint());
        break;
      default:
        reader.skip(tag.wireType);
    }
  }
  return entry;
}

export function encodePayload(payload: RawPayload): Uint8Array {
  const writer = new ProtobufWriter();
  const utf8Encoder = new TextEncoder();
  for (const entry of payload.otpParameters) {
    const inner = new ProtobufWriter()
      .bytes(1, entry.secret)
      .bytes(2, utf8Encoder.encode(entry.name))
      .bytes(3, utf8Encoder.encode(entry.issuer))
      .varint(4, entry.algorithm)
      .varint(5, entry.digits)
      .varint(6, entry.type)
      .varint(7, entry.counter);
    writer.bytes(1, inner.finish());
  }
  return writer
    .varint(2, payload.version)
    .varint(3, payload.batchSize)
    .varint(4, payload.batchIndex)
    .varint(5, payload.batchId)
    .finish();
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch (cause) {
    throw new CoreError('migration/bad-payload', 'Invalid UTF-8 in a name', 'data', { cause });
  }
}
