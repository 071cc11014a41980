import { render } from 'preact';
import { OptionsApp } from './app';
import type { OptionsApi } from './api';
import { download, qrFromImage } from './platform-io';
import { callBackground, t } from '../platform/messaging';
import type { RestorePointsPort } from './restore-points-section';
import { jumpToHash } from './jump-to-hash';

const api: OptionsApi = {
  status: () => callBackground({ type: 'vault/status' }),
  settings: () => callBackground({ type: 'settings/get' }),
  saveSettings: (settings) => callBackground({ type: 'settings/set', settings }),
  changePassword: (oldPassword, newPassword) => callBackground({ type: 'vault/change-password', oldPassword, newPassword }),
  addUri: (uri) => callBackground({ type: 'accounts/add-uri', uri }),
  importPreview: (payload) => callBackground({ type: 'import/preview', ...payload }),
  importCommit: ({ previewId, expectedCount }) => callBackground({ type: 'import/commit', previewId, expectedCount }),
  importUndo: (importId) => callBackground({ type: 'import/undo', importId }),
  exportFile: (request) => callBackground({ type: 'export/file', ...request }),
  backupStatus: () => callBackground({ type: 'backup/status' }),
  verifyBackup: (payload) => callBackground({ type: 'backup/verify', ...payload }),
  qrFromImage,
  download,
};

const restorePoints: RestorePointsPort = {
  list: () => callBackground({ type: 'restore-points/list' }),
  restore: (id) => callBackground({ type: 'restore-points/restore', id }),
};

const root = document.getElementById('app');
if (root) {
  render(<OptionsApp api={api} t={t} restorePoints={restorePoints} />, root);
  jumpToHash(document, location.hash);
}
