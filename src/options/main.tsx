import { render } from 'preact';
import { OptionsApp } from './app';
import { createOptionsApi, createRestorePointsPort } from './client';
import { download, qrFromImage } from './platform-io';
import { screenLockReported } from '../platform/idle';
import { callBackground, t } from '../platform/messaging';
import { jumpToHash } from './jump-to-hash';
import { installDevLogSink } from '../shared/dev-log-sink';
import { setDocumentLanguage } from '../shared/ui/document-language';

installDevLogSink();

const api = createOptionsApi(callBackground, { qrFromImage, download, screenLockReported: screenLockReported() });
const restorePoints = createRestorePointsPort(callBackground);

const root = document.getElementById('app');
setDocumentLanguage(t, 'optionsPageTitle');
if (root) {
  render(<OptionsApp api={api} t={t} restorePoints={restorePoints} />, root);
  jumpToHash(document, location.hash);
}
