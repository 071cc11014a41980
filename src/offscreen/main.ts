/**
 * Chrome's offscreen document (reason CLIPBOARD,
 * https://developer.chrome.com/docs/extensions/reference/api/offscreen#reasons): a service worker has no clipboard, so the
 * background asks this page to clear a copied code after 30 s — only if the clipboard still holds
 * exactly that code, so anything the user copied since is left alone. Its messages are records in
 * shared/messages/to-offscreen.ts; the handler table below is typed against them.
 */
import { extensionSelf, onRuntimeMessage } from '../platform/runtime';
import { clearClipboardIf } from '../platform/clipboard';
import { installDevLogSink } from '../shared/dev-log-sink';
import { toOffscreenMessages } from '../shared/messages/to-offscreen';
import type { Envelope, ResponseOf, ToOffscreen } from '../shared/protocol';
import { ok } from '../shared/result';
import { fromOwnExtension } from '../shared/sender';

installDevLogSink();

type OffscreenType = keyof ToOffscreen;

const handlers: { [K in OffscreenType]: (message: Envelope<ToOffscreen, K>) => ResponseOf<ToOffscreen, K> } = {
  'offscreen/clear-clipboard-if': ({ text }) => ({ cleared: clearClipboardIf(document, text) }),
};

onRuntimeMessage((message, sender) => {
  const type = (message as { type?: unknown } | null)?.type;
  // Only our own background (no tab: not a content script), only a known message that passes its check.
  if (!fromOwnExtension(sender, extensionSelf().id) || typeof type !== 'string' || !Object.hasOwn(handlers, type))
    return undefined;
  const known = type as OffscreenType;
  if (toOffscreenMessages[known].validate(message)) return undefined;
  return Promise.resolve(ok(handlers[known](message as Envelope<ToOffscreen, OffscreenType>)));
});
