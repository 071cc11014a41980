import { render } from 'preact';
import { OptionsApp } from './app';
import type { OptionsApi } from './api';
import { callBackground, t } from '../platform/messaging';

const api: OptionsApi = {
  status: () => callBackground({ type: 'vault/status' }),
  settings: () => callBackground({ type: 'settings/get' }),
  saveSettings: (settings) => callBackground({ type: 'settings/set', settings }),
  changePassword: (oldPassword, newPassword) => callBackground({ type: 'vault/change-password', oldPassword, newPassword }),
  addUri: (uri) => callBackground({ type: 'accounts/add-uri', uri }),
};

const root = document.getElementById('app');
if (root) render(<OptionsApp api={api} t={t} />, root);
