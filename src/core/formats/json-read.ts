/**
 * Defensive readers for untrusted JSON: a missing or mistyped field is a typed CoreError
 * (`import/corrupt`), never a TypeError deep inside an importer.
 */
import { corrupt } from './import-errors';

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.parse with a typed failure. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw corrupt(`${what} is not valid JSON`, cause);
  }
}

export function rec(value: unknown, what: string): JsonRecord {
  if (!isRecord(value)) throw corrupt(`${what} is not an object`);
  return value;
}

export function arr(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw corrupt(`${what} is not a list`);
  return value;
}

export function str(value: unknown, what: string): string {
  if (typeof value !== 'string') throw corrupt(`${what} is not text`);
  return value;
}

/** A string, or undefined when absent/null. */
export function optStr(value: unknown, what: string): string | undefined {
  return value === undefined || value === null ? undefined : str(value, what);
}

export function num(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw corrupt(`${what} is not a number`);
  return value;
}

/** A number (or numeric string, as some exporters write), or undefined when absent/null. */
export function optNum(value: unknown, what: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && /^[0-9]+$/.test(value)) return Number(value);
  return num(value, what);
}
