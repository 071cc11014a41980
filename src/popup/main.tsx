// First: the popup's data is asked for before the modules below are evaluated (./open-early.ts).
import { opening } from './open-early';
import { render } from 'preact';
import { App } from './app';
import { createNoticesPort, createPopupApi } from './client';
import { callBackground, openOptions, t } from '../platform/messaging';
import { siteAccess } from '../platform/site-access';
import { openExtensionPage } from '../platform/open-page';
import { installDevLogSink } from '../shared/dev-log-sink';
import { setDocumentLanguage } from '../shared/ui/document-language';

installDevLogSink();

const api = createPopupApi(callBackground, {
  writeClipboard: (text) => navigator.clipboard.writeText(text),
  openOptions,
});
const notices = createNoticesPort(callBackground, () => openExtensionPage('src/options/index.html#export-title'));

const root = document.getElementById('app');
setDocumentLanguage(t);
if (root)
  render(
    <App
      api={api}
      t={t}
      siteAccess={siteAccess}
      closePopup={() => window.close()}
      notices={notices}
      opening={opening}
    />,
    root,
  );
