/**
 * The extension messaging the content script needs, without webextension-polyfill (it would be
 * ~40 % of the content script, which runs on every page). Chrome MV3 and Firefox both return
 * promises from runtime.sendMessage; replies to incoming messages use sendResponse, which both support.
 * https://developer.chrome.com/docs/extensions/develop/concepts/messaging,
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/runtime/onMessage#sending_an_asynchronous_response_using_sendresponse
 */
import type { BackgroundType, ContentType, Envelope, ResponseOf, ToBackground, ToContent } from '../shared/protocol';
import type { Reply } from '../shared/result';
// Only the content records' field specs and their check, never shared/messages/index.ts (that would
// ship every record), nor the records themselves.
import { CONTENT_FIELDS, hasFields, WAKE_HOOK } from '../shared/messages/to-content';
import { fromOwnExtension } from '../shared/sender';
import { native as ext } from './native';

export async function sendToBackground<K extends BackgroundType>(
  message: Envelope<ToBackground, K>,
): Promise<ResponseOf<ToBackground, K>> {
  // Whoever talks to the background may hear back from it (an enrollment confirmed in the popup).
  listen();
  const reply = (await ext().runtime.sendMessage(message)) as Reply<ResponseOf<ToBackground, K>>;
  // A plain error object (not RemoteError): this file ships in every page, every byte counts.
  if (!reply.ok) throw reply.error;
  return reply.value;
}

type Handlers = {
  [K in ContentType]?: (message: Envelope<ToContent, K>) => Promise<ResponseOf<ToContent, K>>;
};
const handlers: Handlers = {};
let listening = false;

/**
 * Answer messages from our own background only (no tab in the sender; pages cannot reach this at all)
 * that are known and pass their record's check (shared/messages/to-content.ts). The listener is added
 * when this frame first talks to the background, or when the background wakes it (`WAKE_HOOK`, run by
 * `scripting.executeScript` in this isolated world before it sends to a frame that did not answer):
 * registering it would touch `chrome` on every page.
 */
export function onBackgroundMessage(more: Handlers): void {
  Object.assign(handlers, more);
  (globalThis as Record<string, unknown>)[WAKE_HOOK] = listen;
}

function listen(): void {
  if (listening) return;
  listening = true;
  const runtime = ext().runtime;
  runtime.onMessage.addListener((message, sender, respond) => {
    const type = (message as { type?: unknown } | null)?.type as ContentType | undefined;
    const handler = type && Object.hasOwn(handlers, type) ? handlers[type] : undefined;
    if (!fromOwnExtension(sender, runtime.id) || !handler || !hasFields(CONTENT_FIELDS[type!], message))
      return undefined;
    handler(message as never).then(
      (value) => respond({ ok: true, value }),
      (error: unknown) =>
        respond({ ok: false, error: { code: 'content/failed', message: String((error as Error)?.message ?? error) } }),
    );
    return true;
  });
}

/** chrome.i18n.getMessage, for the few words the content script shows. */
export function message(key: string, substitutions?: string[]): string {
  return ext().i18n.getMessage(key, substitutions) || key;
}
