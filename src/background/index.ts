import { extensionSelf, onRuntimeMessage } from '../platform/runtime';
import { restrictSessionStorage } from '../platform/storage';
import { idleApi } from '../platform/idle';
import { t } from '../platform/messaging';
import { isOffscreenMessage } from '../shared/messages/to-offscreen';
import { createRouter } from './router';
import { startAutoLock } from './auto-lock';
import { listenForClipboardAlarm } from './clipboard-clear';
import { askToUnlock } from './enroll/after-unlock';
import { startContextMenu } from './context-menu';
import { startFillShortcut } from './fill-shortcut';
import { startTabCleanup } from './enroll/tab-cleanup';
import { installDevLogSink } from '../shared/dev-log-sink';
import { settingsGet } from './handlers/settings-get';
import { backgroundHandlers } from './messages';
import { createServices } from './services';

installDevLogSink();

void restrictSessionStorage();

const services = createServices();
const { vault } = services;
services.onSettingsChanged = startAutoLock(idleApi(), () => vault.lock(), settingsGet(services));
listenForClipboardAlarm(vault);
startFillShortcut();
startTabCleanup();
startContextMenu(vault, askToUnlock, t);

const route = createRouter(backgroundHandlers(services), extensionSelf());

onRuntimeMessage((message, sender) => {
  // Messages for the offscreen document are not ours to answer.
  if (isOffscreenMessage(message)) return undefined;
  return route(message, sender);
});
