import type { Translate } from './app';

/** A stable error code (from a RemoteError, a CoreError or the page itself) in the user's words. */
export function errorText(t: Translate, failure: unknown, fallback = 'errorGeneric'): string {
  const code = String((failure as { code?: unknown } | null)?.code ?? '');
  return codeText(t, code, fallback);
}

export function codeText(t: Translate, code: string, fallback = 'errorGeneric'): string {
  const text = code ? t(`error_${code.replace(/[^a-z0-9]+/gi, '_')}`) : '';
  return text && !text.startsWith('error_') ? text : t(fallback);
}

/** An error the page raises itself, with a code like the background's. */
export class PageError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'PageError';
  }
}
