import { render } from 'preact';
import { App } from './app';
import { createPopupApi } from './client';
import { callBackground, openOptions, t } from '../platform/messaging';
import { siteAccess } from '../platform/site-access';
import { installDevLogSink } from '../shared/dev-log-sink';

installDevLogSink();

const api = createPopupApi(callBackground, { writeClipboard: (text) => navigator.clipboard.writeText(text), openOptions });

const root = document.getElementById('app');
if (root) render(<App api={api} t={t} siteAccess={siteAccess} />, root);
