/**
 * The only logger in src (no `console` elsewhere: lint rule). Silent unless a sink is installed, which
 * only development builds do; every argument is passed through `redact` first so a secret, password,
 * code or vault blob can never reach a log even in development.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogSink = (level: LogLevel, scope: string, args: unknown[]) => void;

const SENSITIVE = /secret|password|passphrase|key|code|token|otp|seed|vault|blob|issuer|label|account|site/i;
let sink: LogSink | null = null;

export function setLogSink(next: LogSink | null): void {
  sink = next;
}

export function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object')
    return typeof value === 'string' && value.length > 64 ? '[long string]' : value;
  if (value instanceof Error) return { name: value.name, code: (value as { code?: unknown }).code };
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return '[bytes]';
  if (depth > 3) return '[…]';
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SENSITIVE.test(k) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

export function logger(scope: string) {
  const emit =
    (level: LogLevel) =>
    (...args: unknown[]) =>
      sink?.(
        level,
        scope,
        args.map((a) => redact(a)),
      );
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
