import { browser } from '../platform/browser';
import { defineItem } from '../platform/storage';
import { clearClipboardIf } from '../platform/clipboard';
import { sendToOffscreen } from './send-to-offscreen';

const ALARM = 'clipboard-clear';
/** The code just copied (session storage: memory only; gone when the browser closes). */
const pending = defineItem<string>('session', 'clipboard.pending', 'lock');
const OFFSCREEN = 'src/offscreen/index.html';

/** Remember the copied code and clear it from the clipboard in 30 s (chrome.alarms' minimum delay). */
export async function clearLater(text: string): Promise<void> {
  await pending.set(text);
  await browser.alarms.create(ALARM, { delayInMinutes: 0.5 });
}

export function listenForClipboardAlarm(): void {
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== ALARM) return;
    const text = await pending.get();
    await pending.remove();
    if (text) await clearIf(text);
  });
}

async function clearIf(text: string): Promise<void> {
  const offscreen = (globalThis as { chrome?: { offscreen?: ChromeOffscreen } }).chrome?.offscreen;
  if (!offscreen) {
    // Firefox has no offscreen API (and no `offscreen` permission: firefox-manifest.ts drops it), but
    // its MV3 background is an event page with a DOM, where execCommand('paste'/'copy') works with
    // the clipboardRead/clipboardWrite permissions and no focus:
    // https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/Interact_with_the_clipboard
    if (typeof document !== 'undefined') clearClipboardIf(document, text);
    return;
  }
  if (!(await offscreen.hasDocument?.())) {
    await offscreen.createDocument({ url: OFFSCREEN, reasons: ['CLIPBOARD'], justification: 'Clear a copied one-time code after 30 seconds' });
  }
  await sendToOffscreen({ type: 'offscreen/clear-clipboard-if', text });
  await offscreen.closeDocument();
}

interface ChromeOffscreen {
  hasDocument?(): Promise<boolean>;
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}
