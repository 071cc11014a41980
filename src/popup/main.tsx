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
import type { PopupOpen } from '../shared/protocol';
import { appInfo } from '../shared/app-info';
import { native } from '../platform/native';
import { isLockSignal } from '../shared/messages/to-pages';

installDevLogSink();

const api = createPopupApi(callBackground, {
  writeClipboard: (text) => navigator.clipboard.writeText(text),
  openOptions,
});
const notices = createNoticesPort(callBackground, () => openExtensionPage('src/options/index.html#export-title'));

/** The background's word that the vault locked (it never answers: the listener returns nothing). */
const lockSignal = (listener: () => void) => {
  const runtime = native().runtime;
  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (isLockSignal(message, sender, runtime.id)) listener();
    return undefined;
  };
  runtime.onMessage.addListener(onMessage);
  return () => runtime.onMessage.removeListener(onMessage);
};

const root = document.getElementById('app');
setDocumentLanguage(t);
const mount = (answered?: PopupOpen) => {
  if (root)
    render(
      <App
        api={api}
        t={t}
        siteAccess={siteAccess}
        closePopup={() => window.close()}
        notices={notices}
        opening={opening}
        answered={answered}
        manifest={appInfo(native().runtime.getManifest())}
        lockSignal={lockSignal}
      />,
      root,
    );
};
// The first render waits for the `popup/open` answer (at most FIRST_ANSWER_WAIT_MS: a worker that has
// to start shows "Loading…" meanwhile), so the popup is laid out and painted once, with its codes:
// drawing "Loading…" first kept the main thread busy when the answer arrived (issue 16).
const FIRST_ANSWER_WAIT_MS = 150;
// (allSettled: a failed answer mounts at once too; App's first refresh shows its error.) An answer that
// is there is handed to App as it is, so its first render is the vault with its codes.
void Promise.race([
  Promise.allSettled([opening]).then(([settled]) => (settled.status === 'fulfilled' ? settled.value : undefined)),
  new Promise<undefined>((done) => setTimeout(done, FIRST_ANSWER_WAIT_MS)),
]).then(mount);
