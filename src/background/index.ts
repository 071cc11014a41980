import { browser, type Runtime } from '../platform/browser';
import { restrictSessionStorage } from '../platform/storage';
import { isOffscreenMessage } from '../shared/messages/to-offscreen';
import { createRouter } from './router';
import { startAutoLock } from './auto-lock';
import { listenForClipboardAlarm } from './clipboard-clear';
import { askToUnlock } from './enroll/after-unlock';
import { startContextMenu } from './context-menu';
import { startFillShortcut } from './fill-shortcut';
import { startTabCleanup } from './enroll/tab-cleanup';
import { settingsGet } from './handlers/settings-get';
import { backgroundHandlers } from './messages';
import { createServices } from './services';

void restrictSessionStorage();

const services = createServices();
const { vault } = services;
services.onSettingsChanged = startAutoLock(browser.idle, () => vault.lock(), settingsGet(services));
listenForClipboardAlarm();
startFillShortcut();
startTabCleanup();
startContextMenu(vault, askToUnlock, (key, subs) => browser.i18n.getMessage(key, subs) || key);

const route = createRouter(
  backgroundHandlers(services),
  { id: browser.runtime.id, origin: browser.runtime.getURL('') },
);

// Returning the promise makes it the reply (webextension-polyfill semantics in Chromium, native in Firefox).
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Messages for the offscreen document are not ours to answer.
  if (isOffscreenMessage(message)) return undefined;
  return route(message, sender);
});
