import { extensionSelf, onRuntimeMessage, tellExtensionPages } from '../platform/runtime';
import { VAULT_LOCKED } from '../shared/messages/to-pages';
import { restrictStorageAccess } from '../platform/storage';
import { idleApi } from '../platform/idle';
import { t } from '../platform/messaging';
import { isOffscreenMessage } from '../shared/messages/to-offscreen';
import { createRouter } from './router';
import { startAutoLock } from './auto-lock';
import { listenForClipboardAlarm } from './clipboard-clear';
import { askToUnlock } from './enroll/after-unlock';
import { startContextMenu } from './context-menu';
import { startFillShortcut } from './fill-shortcut';
import { endFillGrantsOnLock } from './fill/end-on-lock';
import { startTabCleanup } from './enroll/tab-cleanup';
import { installDevLogSink } from '../shared/dev-log-sink';
import { settingsGet } from './handlers/settings-get';
import { backgroundHandlers } from './messages';
import { createServices } from './services';
import { logger } from '../shared/logger';
import { webRequest } from '../platform/web-request';
import { observeClock } from './clock/observe';
import { isAccountSite } from './clock/account-site';
import { setCodeOffsetSource } from './clock/code-clock';
import { ClockKeeper } from './clock/keeper';
import { settingsSet } from './handlers/settings-set';

installDevLogSink();

void restrictStorageAccess();

const services = createServices();
const { vault } = services;
services.onSettingsChanged = startAutoLock(idleApi(), () => vault.lock(), settingsGet(services));
listenForClipboardAlarm(vault);
startFillShortcut();
startTabCleanup();
startContextMenu(vault, askToUnlock, t);

// An open popup drops its codes and shows the unlock form at once, not at its next refresh or copy.
vault.onLock(() => tellExtensionPages({ type: VAULT_LOCKED }));
endFillGrantsOnLock(vault);

// Clock offset from the Date headers of the user's own sites (issue 13). The samples are a `lock` item
// (platform/storage.ts), removed with the session key; this also forgets the per-site throttle.
const { clock } = services;
const keeper = new ClockKeeper({
  settings: () => settingsGet(services),
  accept: (clockOffsetMs) => settingsSet(services, { clockOffsetMs }),
});
vault.onLock(() => clock.clear().catch((error: unknown) => logger('clock').error('clear on lock', error)));
const requests = webRequest();
if (requests)
  observeClock(requests, {
    epoch: () => clock.epoch(),
    isAccountSite: (origin) => isAccountSite(vault, origin),
    record: (sample, epoch) => {
      keeper.noteSample(sample);
      return clock.add(sample, true, epoch);
    },
  });
// The popup's first answer waits for this offset (issue 16): the settings are remembered by the worker.
// It is the offset the user accepted (clock/correction.ts), not the samples, which lock clears.
setCodeOffsetSource(() => keeper.offset());

const route = createRouter(backgroundHandlers(services), extensionSelf());

onRuntimeMessage((message, sender) => {
  // Messages for the offscreen document are not ours to answer.
  if (isOffscreenMessage(message)) return undefined;
  return route(message, sender);
});
