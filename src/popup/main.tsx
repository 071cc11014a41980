import { render } from 'preact';
import { App } from './app';
import type { PopupApi } from './api';
import { callBackground, openOptions, t } from '../platform/messaging';
import { siteAccess } from '../platform/site-access';

const api: PopupApi = {
  info: () => callBackground({ type: 'app/info' }),
  status: () => callBackground({ type: 'vault/status' }),
  create: (password) => callBackground({ type: 'vault/create', password }),
  unlock: (password) => callBackground({ type: 'vault/unlock', password }),
  lock: () => callBackground({ type: 'vault/lock' }),
  list: () => callBackground({ type: 'accounts/list' }),
  codes: (ids) => callBackground({ type: 'codes/get', ids }),
  addUri: (uri) => callBackground({ type: 'accounts/add-uri', uri }),
  addManual: (entry) => callBackground({ type: 'accounts/add-manual', entry }),
  update: (id, patch) => callBackground({ type: 'accounts/update', id, patch }),
  remove: (id) => callBackground({ type: 'accounts/delete', id }),
  restore: (id) => callBackground({ type: 'accounts/restore', id }),
  trash: () => callBackground({ type: 'accounts/trash' }),
  reorder: (ids) => callBackground({ type: 'accounts/reorder', ids }),
  hotpNext: (id) => callBackground({ type: 'accounts/hotp-next', id }),
  hotpUse: (id) => callBackground({ type: 'accounts/hotp-use', id }),
  exportUri: (id, password) => callBackground({ type: 'accounts/export-uri', id, password }),
  backupCodes: (id) => callBackground({ type: 'backup-codes/get', id }),
  setBackupCodes: (id, codes) => callBackground({ type: 'backup-codes/set', id, codes }),
  async copy(code, id) {
    await navigator.clipboard.writeText(code);
    await callBackground({ type: 'clipboard/clear-later', text: code });
    // Also fill the active tab's code field, if the page belongs to this account's site.
    if (id) await callBackground({ type: 'fill/active-tab', id }).catch(() => undefined);
  },
  scan: () => callBackground({ type: 'scan/visible-tab' }),
  pendingPick: () => callBackground({ type: 'fill/pick-pending' }),
  pick: (choice) => callBackground({ type: 'fill/pick', ...choice }),
  cancelPick: (pickId) => callBackground({ type: 'fill/pick-cancel', pickId }),
  capturePending: () => callBackground({ type: 'enroll/capture-pending' }),
  captureAccept: (token, bind) => callBackground({ type: 'enroll/capture-accept', token, bind }),
  captureReject: (token) => callBackground({ type: 'enroll/capture-reject', token }),
  openOptions,
  clock: () => callBackground({ type: 'clock/status' }),
  async correctClock(on) {
    const settings = await callBackground({ type: 'settings/get' });
    return callBackground({ type: 'settings/set', settings: { ...settings, clockCorrection: on } });
  },
};

const root = document.getElementById('app');
if (root) render(<App api={api} t={t} siteAccess={siteAccess} />, root);
