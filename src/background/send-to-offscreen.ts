import { browser } from '../platform/browser';
import type { Envelope, ResponseOf, ToOffscreen } from '../shared/protocol';
import type { Reply } from '../shared/result';

/** Sends a background → offscreen message (records in shared/messages/to-offscreen.ts); null when it failed. */
export async function sendToOffscreen<K extends keyof ToOffscreen>(message: Envelope<ToOffscreen, K>): Promise<ResponseOf<ToOffscreen, K> | null> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<ResponseOf<ToOffscreen, K>> | undefined;
  return reply?.ok ? reply.value : null;
}
