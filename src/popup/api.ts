import type {
  AccountList,
  AccountPatch,
  AccountView,
  AppInfo,
  BackupCodeView,
  CapturePending,
  ClockStatus,
  CodeView,
  HotpUse,
  ManualEntryInput,
  PendingPick,
  PopupOpen,
  ScanResult,
  TrashView,
  VaultStatus,
} from '../shared/protocol';

/** What the popup needs from the background: client.ts builds it from the message registry (the DOM tests over the real background, tests/adapter). */
export interface PopupApi {
  info(): Promise<AppInfo>;
  status(): Promise<VaultStatus>;
  /** Status, list and the first rows' codes in one round trip (a locked vault: the status only). */
  open(): Promise<PopupOpen>;
  create(password: string): Promise<VaultStatus>;
  unlock(password: string): Promise<VaultStatus>;
  lock(): Promise<VaultStatus>;
  list(): Promise<AccountList>;
  codes(ids: string[]): Promise<CodeView[]>;
  addUri(uri: string): Promise<AccountView[]>;
  addManual(entry: ManualEntryInput): Promise<AccountView>;
  update(id: string, patch: AccountPatch): Promise<AccountView>;
  remove(id: string): Promise<unknown>;
  restore(id: string): Promise<AccountView>;
  trash(): Promise<TrashView[]>;
  reorder(ids: string[]): Promise<unknown>;
  hotpNext(id: string): Promise<CodeView>;
  /** Take an HOTP account's code (the counter moves on) and fill it into the active tab if it is the account's site. */
  hotpUse(id: string): Promise<HotpUse>;
  exportUri(id: string, password: string): Promise<{ uri: string }>;
  backupCodes(id: string): Promise<BackupCodeView[]>;
  setBackupCodes(id: string, codes: BackupCodeView[]): Promise<BackupCodeView[]>;
  /**
   * Copy a code to the clipboard (the background clears it after 30 s if it is still there) and fill
   * it into the active tab's code field when that page belongs to the account's site. A clipboard that
   * refuses rejects with ClipboardRefused, after the fill (the page still gets the code).
   */
  copy(code: string, id?: string): Promise<void>;
  scan(): Promise<ScanResult>;
  /** The field waiting for the user's pick in the active tab after a click on the in-field button, if any. */
  pendingPick(): Promise<PendingPick | null>;
  /** Fill pick `pickId`'s field (only that frame and document) with account `id`'s code. */
  pick(choice: PickChoice): Promise<{ filled: boolean }>;
  cancelPick(pickId: string): Promise<unknown>;
  /** The QR read from a screenshot of a page, waiting for the user's decision (capture-panel.tsx). */
  capturePending(): Promise<CapturePending | null>;
  /** `reenroll`: the answer to "Replace the old one?" (CapturePending.replaces). */
  captureAccept(
    token: string,
    bind: boolean,
    reenroll?: 'replace' | 'keep',
  ): Promise<{ count: number; duplicates: number; bound: boolean }>;
  captureReject(token: string): Promise<unknown>;
  /** Opens the options page; `section` ("import") scrolls it to that section. */
  openOptions(section?: string): void;
  /** How far this computer's clock is from the user's sites' time, and whether codes are corrected for it. */
  clock(): Promise<ClockStatus>;
  /**
   * Turn the clock correction on or off (the same setting as in the options page); on, with the offset
   * the user saw and accepted (codes are corrected by exactly that).
   */
  correctClock(on: boolean, offsetMs?: number): Promise<unknown>;
}

export interface PickChoice {
  pickId: string;
  id: string;
  always: boolean;
  /** The user confirmed filling although the site looks like another account's site. */
  despiteLookalike: boolean;
}

export type Translate = (key: string, substitutions?: string | string[]) => string;

/** The clipboard refused a code (the popup lost focus, a browser policy); its `code` picks the words. */
export class ClipboardRefused extends Error {
  readonly code = 'clipboard/refused';
  constructor(cause: unknown) {
    super('The clipboard refused the code', { cause });
    this.name = 'ClipboardRefused';
  }
}

/** The vault locked behind the popup (idle, screen lock, an options tab): the popup shows the unlock form. */
export const isLocked = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'vault/locked';

/** Words for an error from the background: its stable code picks the message (rule 7). */
export function errorText(t: Translate, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const text = t(`error_${code.replace(/[^a-z0-9]+/gi, '_')}`);
    if (text && !text.startsWith('error_')) return text;
  }
  return t('errorGeneric');
}

/** The field an error is about (the form highlights it), if the background said. */
export function errorField(error: unknown): string | undefined {
  const field = (error as { field?: unknown } | null)?.field;
  return typeof field === 'string' ? field : undefined;
}
