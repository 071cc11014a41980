import type { AccountView, AppInfo, CodeView, VaultStatus } from '../shared/protocol';

/** What the popup needs from the background; main.tsx wires the real one, tests pass a fake. */
export interface PopupApi {
  info(): Promise<AppInfo>;
  status(): Promise<VaultStatus>;
  create(password: string): Promise<VaultStatus>;
  unlock(password: string): Promise<VaultStatus>;
  lock(): Promise<VaultStatus>;
  list(): Promise<AccountView[]>;
  codes(ids: string[]): Promise<CodeView[]>;
  addUri(uri: string): Promise<AccountView[]>;
}

export type Translate = (key: string, substitutions?: string | string[]) => string;

/** Words for an error from the background: its stable code picks the message (rule 7). */
export function errorText(t: Translate, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const text = t(`error_${code.replace(/[^a-z0-9]+/gi, '_')}`);
    if (text && !text.startsWith('error_')) return text;
  }
  return t('errorGeneric');
}
