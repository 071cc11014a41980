import { alarmApi, type AlarmApi } from '../platform/alarms';
import { offscreenApi, type OffscreenApi } from '../platform/offscreen-document';
import { clipboardPending as pending } from '../platform/storage';
import { clearClipboardIf } from '../platform/clipboard';
import { logger } from '../shared/logger';

const ALARM = 'clipboard-clear';
const OFFSCREEN = 'src/offscreen/index.html';
const log = logger('clipboard-clear');

/** Remember the copied code and clear it from the clipboard in 30 s (chrome.alarms' minimum delay). */
export async function clearLater(text: string, alarms: AlarmApi = alarmApi()): Promise<void> {
  await pending.set(text);
  await alarms.create(ALARM, 0.5);
}

/**
 * Clears the clipboard when the alarm fires, and at once when the vault locks (a lock listener: it runs
 * after the session key is gone, so the pending code is not `clearOn: 'lock'`; it is removed here).
 */
export function listenForClipboardAlarm(
  vault: { onLock(listener: () => Promise<void>): void },
  alarms: AlarmApi = alarmApi(),
  offscreen = offscreenApi(),
): void {
  const clearPending = async () => {
    const text = await pending.get();
    await pending.remove();
    if (text) await clearIf(text, offscreen);
  };
  alarms.onAlarm(async (name) => {
    if (name === ALARM) await clearPending();
  });
  // A clipboard that cannot be cleared must not stop the lock.
  vault.onLock(() => clearPending().catch((error: unknown) => log.error('clear on lock', error)));
}

async function clearIf(text: string, offscreen: OffscreenApi | undefined): Promise<void> {
  if (!offscreen) {
    // Firefox has no offscreen API (and no `offscreen` permission: firefox-manifest.ts drops it), but
    // its MV3 background is an event page with a DOM, where execCommand('paste'/'copy') works with
    // the clipboardRead/clipboardWrite permissions and no focus:
    // https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/Interact_with_the_clipboard
    if (typeof document !== 'undefined') clearClipboardIf(document, text);
    return;
  }
  if (!(await offscreen.hasDocument())) {
    await offscreen.createDocument({
      url: OFFSCREEN,
      reasons: ['CLIPBOARD'],
      justification: 'Clear a copied one-time code after 30 seconds',
    });
  }
  await offscreen.send({ type: 'offscreen/clear-clipboard-if', text });
  await offscreen.closeDocument();
}
