import type { BackgroundType, Envelope, ResponseOf, ToBackground } from '../shared/protocol';
import { ClipboardRefused, type PopupApi } from './api';
import type { NoticesPort } from './vault-notices';

/** A typed call to the background (platform/messaging.ts `callBackground`, or the adapter tests' router). */
export type Send = <K extends BackgroundType>(
  message: Envelope<ToBackground, K>,
) => Promise<ResponseOf<ToBackground, K>>;

/** What the popup does outside the message bus. */
export interface PopupIo {
  writeClipboard(text: string): Promise<void>;
  openOptions(): void;
}

/**
 * The popup's client over the message registry: every method is one typed message (its request and
 * response types come from the record in shared/messages). main.tsx passes the real `send`; the DOM
 * tests pass one that reaches the real background handlers over an in-memory browser.
 */
export function createPopupApi(send: Send, io: PopupIo): PopupApi {
  return {
    info: () => send({ type: 'app/info' }),
    status: () => send({ type: 'vault/status' }),
    open: () => send({ type: 'popup/open' }),
    create: (password) => send({ type: 'vault/create', password }),
    unlock: (password) => send({ type: 'vault/unlock', password }),
    lock: () => send({ type: 'vault/lock' }),
    list: () => send({ type: 'accounts/list' }),
    codes: (ids) => send({ type: 'codes/get', ids }),
    addUri: (uri) => send({ type: 'accounts/add-uri', uri }),
    addManual: (entry) => send({ type: 'accounts/add-manual', entry }),
    update: (id, patch) => send({ type: 'accounts/update', id, patch }),
    remove: (id) => send({ type: 'accounts/delete', id }),
    restore: (id) => send({ type: 'accounts/restore', id }),
    trash: () => send({ type: 'accounts/trash' }),
    reorder: (ids) => send({ type: 'accounts/reorder', ids }),
    hotpNext: (id) => send({ type: 'accounts/hotp-next', id }),
    hotpUse: (id) => send({ type: 'accounts/hotp-use', id }),
    exportUri: (id, password) => send({ type: 'accounts/export-uri', id, password }),
    backupCodes: (id) => send({ type: 'backup-codes/get', id }),
    setBackupCodes: (id, codes) => send({ type: 'backup-codes/set', id, codes }),
    async copy(code, id) {
      // The clipboard may refuse (the popup lost focus, a browser policy). The click still fills the
      // page, as an HOTP click does (hotp-use fills before the copy): the refusal is reported after.
      const refused = await io.writeClipboard(code).then(
        () => null,
        (cause: unknown) => new ClipboardRefused(cause),
      );
      if (!refused) await send({ type: 'clipboard/clear-later', text: code });
      // Also fill the active tab's code field, if the page belongs to this account's site.
      if (id) await send({ type: 'fill/active-tab', id }).catch(() => undefined);
      if (refused) throw refused;
    },
    scan: () => send({ type: 'scan/visible-tab' }),
    pendingPick: () => send({ type: 'fill/pick-pending' }),
    pick: (choice) => send({ type: 'fill/pick', ...choice }),
    cancelPick: (pickId) => send({ type: 'fill/pick-cancel', pickId }),
    capturePending: () => send({ type: 'enroll/capture-pending' }),
    captureAccept: (token, bind, reenroll) =>
      send({ type: 'enroll/capture-accept', token, bind, ...(reenroll && { reenroll }) }),
    captureReject: (token) => send({ type: 'enroll/capture-reject', token }),
    openOptions: () => io.openOptions(),
    clock: () => send({ type: 'clock/status' }),
    // Only this choice: the other settings stay as stored (an options tab may be changing them).
    correctClock: (on, offsetMs) =>
      send({
        type: 'settings/set',
        settings: {
          clockCorrection: on,
          ...(on && offsetMs !== undefined ? { clockOffsetMs: Math.round(offsetMs) } : {}),
        },
      }),
  };
}

/** The popup's vault notices (backup prompt, recovered vault): three messages and the export page. */
export function createNoticesPort(send: Send, openExport: () => void): NoticesPort {
  return {
    backupPrompt: () => send({ type: 'backup/prompt' }),
    dismissBackupPrompt: () => send({ type: 'backup/prompt-dismiss' }),
    recovery: () => send({ type: 'vault/recovery' }),
    openExport,
  };
}
