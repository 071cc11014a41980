/**
 * Chrome's offscreen document (reason CLIPBOARD): a service worker has no clipboard, so the
 * background asks this page to clear a copied code after 30 s — only if the clipboard still holds
 * exactly that code, so anything the user copied since is left alone.
 */
import { browser, type Runtime } from '../platform/browser';
import { clearClipboardIf } from '../platform/clipboard';
import { installDevLogSink } from '../shared/dev-log-sink';

installDevLogSink();

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const m = message as { type?: unknown; text?: unknown } | null;
  if (sender.id !== browser.runtime.id || m?.type !== 'offscreen/clear-clipboard-if' || typeof m.text !== 'string') {
    return undefined;
  }
  return Promise.resolve({ cleared: clearClipboardIf(document, m.text) });
});
