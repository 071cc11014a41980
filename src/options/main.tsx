import { render } from 'preact';
import { OptionsApp } from './app';
import { createOptionsApi } from './client';
import { download, qrFromImage } from './platform-io';
import { callBackground, t } from '../platform/messaging';
import { installDevLogSink } from '../shared/dev-log-sink';

installDevLogSink();

const api = createOptionsApi(callBackground, { qrFromImage, download });

const root = document.getElementById('app');
if (root) render(<OptionsApp api={api} t={t} />, root);
