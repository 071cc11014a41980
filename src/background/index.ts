import { browser, type Runtime } from '../platform/browser';
import { createRouter } from './router';
import { appInfo } from './handlers/app-info';

const route = createRouter(
  {
    'app/info': () => appInfo(browser.runtime.getManifest()),
  },
  { id: browser.runtime.id, origin: browser.runtime.getURL('') },
);

// Returning the promise makes it the reply (webextension-polyfill semantics in Chromium, native in Firefox).
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));
