import { render } from 'preact';
import { App } from './app';
import type { PopupApi } from './api';
import { callBackground, t } from '../platform/messaging';

const api: PopupApi = {
  info: () => callBackground({ type: 'app/info' }),
  status: () => callBackground({ type: 'vault/status' }),
  create: (password) => callBackground({ type: 'vault/create', password }),
  unlock: (password) => callBackground({ type: 'vault/unlock', password }),
  lock: () => callBackground({ type: 'vault/lock' }),
  list: () => callBackground({ type: 'accounts/list' }),
  codes: (ids) => callBackground({ type: 'codes/get', ids }),
  addUri: (uri) => callBackground({ type: 'accounts/add-uri', uri }),
};

const root = document.getElementById('app');
if (root) render(<App api={api} t={t} />, root);
