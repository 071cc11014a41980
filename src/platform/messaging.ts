import { browser } from './browser';
import type { BackgroundType, Envelope, ResponseOf, ToBackground } from '../shared/protocol';
import { type Reply, unwrap } from '../shared/result';

/** Typed call to the background; rejects with RemoteError carrying the stable error code. */
export async function callBackground<K extends BackgroundType>(
  message: Envelope<ToBackground, K>,
): Promise<ResponseOf<ToBackground, K>> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<ResponseOf<ToBackground, K>> | undefined;
  if (!reply) throw new Error(`No reply to ${String(message.type)}`);
  return unwrap(reply);
}

export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}
