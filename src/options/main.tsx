import { render } from 'preact';
import { OptionsApp } from './app';
import type { OptionsApi } from './api';
import { download, qrFromImage } from './platform-io';
import { callBackground, t } from '../platform/messaging';

const api: OptionsApi = {
  status: () => callBackground({ type: 'vault/status' }),
  settings: () => callBackground({ type: 'settings/get' }),
  saveSettings: (settings) => callBackground({ type: 'settings/set', settings }),
  changePassword: (oldPassword, newPassword) => callBackground({ type: 'vault/change-password', oldPassword, newPassword }),
  addUri: (uri) => callBackground({ type: 'accounts/add-uri', uri }),
  importPreview: (payload) => callBackground({ type: 'import/preview', ...payload }),
  importCommit: ({ previewId, expectedCount, replace }) => callBackground({ type: 'import/commit', previewId, expectedCount, ...(replace && { replace }) }),
  importUndo: (importId) => callBackground({ type: 'import/undo', importId }),
  exportFile: (request) => callBackground({ type: 'export/file', ...request }),
  backupStatus: () => callBackground({ type: 'backup/status' }),
  verifyBackup: (payload) => callBackground({ type: 'backup/verify', ...payload }),
  qrFromImage,
  download,
};

const root = document.getElementById('app');
if (root) render(<OptionsApp api={api} t={t} />, root);
