/**
 * Query-string handling for Key URIs (RFC 3986 §3.4 + the form convention "+" = space).
 * Parameter names are matched case-insensitively (hectorm/otpauth tolerance: OTPAUTH://HOTP/..?SECRET=).
 */
import { CoreError, type Field } from '../errors';

export type RawQuery = ReadonlyMap<string, readonly string[]>;

/** Splits "a=1&b=2" into lower-cased names → raw (still encoded) values, keeping repeats. */
export function splitQuery(query: string): RawQuery {
  const out = new Map<string, string[]>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? '' : part.slice(eq + 1);
    const list = out.get(name);
    if (list) list.push(value);
    else out.set(name, [value]);
  }
  return out;
}

/** Percent-decodes UTF-8; throws `uri/malformed` naming `field` on a bad escape. */
export function percentDecode(raw: string, field: Field): string {
  try {
    return decodeURIComponent(raw);
  } catch (cause) {
    throw new CoreError('uri/malformed', `Bad percent-encoding in ${field}`, field, { cause });
  }
}

/**
 * The single decoded value of parameter `name` ("+" read as space), or undefined when absent.
 * A parameter repeated with the SAME decoded value is accepted (pyotp's own test URIs repeat
 * algorithm=SHA1); repeated with different values it is rejected with `uri/duplicate-param`,
 * because apps disagree on which one wins (first: URLSearchParams.get; last: pyotp).
 */
export function singleParam(query: RawQuery, name: string, field: Field, plusIsSpace = true): string | undefined {
  const raws = query.get(name);
  if (raws === undefined) return undefined;
  const values = raws.map((raw) => percentDecode(plusIsSpace ? raw.replace(/\+/g, ' ') : raw, field));
  const first = values[0];
  if (values.some((value) => value !== first)) {
    throw new CoreError('uri/duplicate-param', `Parameter "${name}" is given twice with different values`, field);
  }
  return first;
}
