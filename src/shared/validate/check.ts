/**
 * Hand-written run-time checks for message payloads (ARCHITECTURE.md rule 3: a page can send
 * anything). A check returns null when the value has the shape, otherwise a short reason with the path
 * of the first bad field ("source.rect.x: not a number in range") — never the value itself, which may
 * be a secret. Each check carries the type it proves (`Infer<C>`), so the per-message map can be
 * typed against the protocol: a check that lacks a required field does not compile.
 *
 * No schema library: these few combinators cost well under a kilobyte in the service worker.
 */
export interface Check<T> {
  (value: unknown, path?: string): string | null;
  /** Type only (never set): what a value that passes is. */
  readonly _type?: T;
}

/** A key that may be absent (or undefined) in an object. */
export interface OptionalCheck<T> extends Check<T> {
  readonly optional: true;
}

export type Infer<C> = C extends Check<infer T> ? T : never;

type Shape = Record<string, Check<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalCheck<unknown> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
export type ObjectOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

const bad = (path: string, why: string) => `${path || 'message'}: ${why}`;

const check =
  <T>(test: (value: unknown) => boolean, why: string): Check<T> =>
  (value, path = '') =>
    test(value) ? null : bad(path, why);

/** Strictly `true` or `false` (no "true", 1, or null). */
export const bool: Check<boolean> = check((v) => typeof v === 'boolean', 'not a boolean');

/** A string of at most `max` UTF-16 units, optionally matching `pattern` (test only after the length check). */
export const str = (max: number, pattern?: RegExp, min = 0): Check<string> =>
  check(
    (v) => typeof v === 'string' && v.length >= min && v.length <= max && (!pattern || pattern.test(v)),
    `not a string of ${min}–${max} characters${pattern ? ' in the expected form' : ''}`,
  );

/** A finite number in [min, max] (NaN and ±Infinity never pass). */
export const num = (min: number, max: number): Check<number> =>
  check((v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max, `not a number in ${min}…${max}`);

/** An integer in [min, max]. */
export const int = (min: number, max: number): Check<number> =>
  check(
    (v) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max,
    `not an integer in ${min}…${max}`,
  );

/** The tokens the background issues (crypto.randomUUID). */
export const uuid: Check<string> = str(36, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 36);

/** One of these literal values. */
export const oneOf = <const T extends readonly (string | number | boolean)[]>(...values: T): Check<T[number]> =>
  check((v) => values.includes(v as never), `not one of ${values.join(', ')}`);

/** A URL of at most `max` characters whose scheme is one of `schemes` ("https:", "data:"…). */
export const url = (max: number, schemes: readonly string[]): Check<string> =>
  check(
    (v) => {
      if (typeof v !== 'string' || v.length > max) return false;
      try {
        return schemes.includes(new URL(v).protocol);
      } catch {
        return false; // not a URL at all: refused like any other bad value
      }
    },
    `not a ${schemes.join('/')} URL of at most ${max} characters`,
  );

/** An array of at most `max` items, each passing `item`. */
export function array<T>(item: Check<T>, max: number): Check<T[]> {
  return (value, path = '') => {
    if (!Array.isArray(value) || value.length > max) return bad(path, `not a list of at most ${max}`);
    for (let i = 0; i < value.length; i++) {
      const problem = item(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };
}

export function optional<T>(inner: Check<T>): OptionalCheck<T> {
  return Object.assign((value: unknown, path?: string) => (value === undefined ? null : inner(value, path)), {
    optional: true as const,
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  [Object.prototype, null].includes(Object.getPrototypeOf(v));

/**
 * A plain object with exactly these keys (plus `ignore`, e.g. the envelope's `type`). Unknown keys are
 * REJECTED, not stripped: the content script is our own code, so an extra key is either a bug or a
 * probe, and a handler that spreads its request must never see one. Adding a field is one line here.
 */
export function object<S extends Shape>(shape: S, ignore: readonly string[] = []): Check<ObjectOf<S>> {
  const keys = Object.keys(shape);
  return (value, path = '') => {
    if (!isRecord(value)) return bad(path, 'not an object');
    for (const key of Object.keys(value))
      if (!Object.hasOwn(shape, key) && !ignore.includes(key))
        return bad(path, `unknown key ${JSON.stringify(key.slice(0, 40))}`);
    for (const key of keys) {
      const problem = shape[key]!(value[key], path ? `${path}.${key}` : key);
      if (problem) return problem;
    }
    return null;
  };
}

/** A tagged union: `value[tag]` picks the object check (`{ kind: 'url', … }`). */
export function variant<const Tag extends string, V extends Record<string, Shape>>(
  tag: Tag,
  variants: V,
): Check<{ [K in keyof V]: Flat<{ [T in Tag]: K } & ObjectOf<V[K]>> }[keyof V]> {
  const checks = Object.fromEntries(Object.entries(variants).map(([k, shape]) => [k, object(shape, [tag])]));
  return (value, path = '') => {
    const which = isRecord(value) ? value[tag] : undefined;
    if (typeof which !== 'string' || !Object.hasOwn(checks, which))
      return bad(path ? `${path}.${tag}` : tag, 'unknown kind');
    return checks[which]!(value, path);
  };
}

/** A message's payload: these fields besides its `type` (the router has already checked that). */
export const payload = <S extends Shape>(shape: S): Check<ObjectOf<S>> => object(shape, ['type']);
