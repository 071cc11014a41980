/** Generators of hostile inputs: random bytes and text, JSON, and mutations of well-formed files. */
import fc from 'fast-check';

/** Inputs stay small (≤ 16 KB): size limits are tested on their own; the fuzzer looks for logic bugs. */
export const MAX_LEN = 4096;

const OTP_KEYS = ['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'image', 'SECRET', 'Issuer', ''];
const OTP_VALUES = [
  'JBSWY3DPEHPK3PXP',
  'SHA1',
  'SHA256',
  'SHA512',
  'MD5',
  '6',
  '8',
  '10',
  '0',
  '-1',
  '30',
  '1e3',
  '99999999999999999999',
  '%',
  '%zz',
  '%00',
  '',
  '=',
  '&',
  'a b',
  '🙂',
];

const piece = fc.oneof(
  fc.constantFrom(...OTP_VALUES),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** otpauth:// URIs built from likely parts, so most reach the parameter parser. */
export const otpauthLike = fc
  .tuple(
    fc.constantFrom(
      'otpauth://',
      'OTPAUTH://',
      'otpauth:',
      'otpauth:///',
      'steam://',
      'otpauth-migration://offline?data=',
    ),
    fc.constantFrom('totp', 'hotp', 'steam', 'TOTP', '', 'x'),
    fc.array(piece, { maxLength: 3 }),
    fc.array(fc.tuple(fc.constantFrom(...OTP_KEYS), piece), { maxLength: 8 }),
  )
  .map(
    ([scheme, type, label, params]) =>
      `${scheme}${type}/${label.join(':')}?${params.map(([k, v]) => `${k}=${v}`).join('&')}`,
  );

export const randomText = fc.oneof(
  fc.string({ maxLength: 256 }),
  fc.string({ unit: 'binary', maxLength: 256 }),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
);
export const randomBytes = fc.uint8Array({ maxLength: 2048 });

type Op = { kind: 'cut' | 'flip' | 'insert' | 'delete' | 'dup'; at: number; text: string };
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('cut', 'flip', 'insert', 'delete', 'dup'),
  at: fc.nat(),
  text: fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('"', '{', '}', '[', ']', ',', ':', 'null', '-1', '1e309', '\\u0000', '|', '$', '=', '\n'),
  ),
});

function applyOp(text: string, { kind, at, text: add }: Op): string {
  const i = text.length === 0 ? 0 : at % text.length;
  switch (kind) {
    case 'cut':
      return text.slice(0, i);
    case 'flip':
      return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 + (at % 127))) + text.slice(i + 1);
    case 'insert':
      return text.slice(0, i) + add + text.slice(i);
    case 'delete':
      return text.slice(0, i) + text.slice(i + 1 + (at % 16));
    case 'dup':
      return (text.slice(0, i) + text.slice(i, i + 64) + text.slice(i)).slice(0, MAX_LEN * 4);
  }
}

/** A sample with a few character-level edits. */
export const mutatedText = (samples: string[]) =>
  fc
    .tuple(fc.nat({ max: samples.length - 1 }), fc.array(op, { minLength: 1, maxLength: 3 }))
    .map(([i, ops]) => ops.reduce(applyOp, samples[i]!));

type Json = unknown;
const leaf = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    null,
    true,
    -1,
    0,
    1,
    2 ** 31,
    2 ** 53,
    1e308,
    -0,
    '',
    'SHA1',
    'totp',
    '2.AAAA|BBBB|CCCC',
    'U2FsdGVkX1',
    'Key',
    'EncOTPStorage',
    'OTPStorage',
  ),
  fc.constantFrom(1 << 15, 1 << 20, 1 << 30, 2 ** 32, 16, 1025, 2_000_001, 10_000_001),
);

/** Replaces (or deletes) the value at a path picked by `steps` in a copy of `value`. */
function setAt(value: Json, steps: number[], replacement: Json, remove: boolean): Json {
  if (steps.length === 0 || value === null || typeof value !== 'object') return replacement;
  const copy: Record<string, Json> | Json[] = Array.isArray(value)
    ? [...(value as Json[])]
    : { ...(value as Record<string, Json>) };
  const keys = Object.keys(copy);
  if (keys.length === 0) return replacement;
  const key = keys[steps[0]! % keys.length]!;
  const child = (copy as Record<string, Json>)[key];
  if (steps.length === 1 && remove && !Array.isArray(copy)) delete (copy as Record<string, Json>)[key];
  else (copy as Record<string, Json>)[key] = setAt(child, steps.slice(1), replacement, remove);
  return copy;
}

/** A JSON sample with one to three values replaced or removed, deep inside. */
export const mutatedJson = (samples: Json[]) =>
  fc
    .tuple(
      fc.nat({ max: samples.length - 1 }),
      fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), leaf, fc.boolean()), {
        minLength: 1,
        maxLength: 3,
      }),
    )
    .map(([i, edits]) =>
      JSON.stringify(
        edits.reduce((value, [steps, replacement, remove]) => setAt(value, steps, replacement, remove), samples[i]),
      ),
    );
