/** Words for a message key (the locale's getMessage; the key itself when it has none). */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/**
 * A stable error code (from a RemoteError, a CoreError or the page itself) in the user's words
 * (ARCHITECTURE rule 7): `error_<code>` from the locale, else `fallback`. One implementation for the
 * popup and the options page.
 */
export function errorText(t: Translate, failure: unknown, fallback = 'errorGeneric'): string {
  const code = (failure as { code?: unknown } | null)?.code;
  return codeText(t, typeof code === 'string' ? code : '', fallback);
}

export function codeText(t: Translate, code: string, fallback = 'errorGeneric'): string {
  const text = code ? t(`error_${code.replace(/[^a-z0-9]+/gi, '_')}`) : '';
  return text && !text.startsWith('error_') ? text : t(fallback);
}
