import { native } from './native';
import type { BackgroundType, Envelope, ResponseOf, ToBackground } from '../shared/protocol';
import { type Reply, unwrap } from '../shared/result';

/** Typed call to the background; rejects with RemoteError carrying the stable error code. */
export async function callBackground<K extends BackgroundType>(
  message: Envelope<ToBackground, K>,
): Promise<ResponseOf<ToBackground, K>> {
  const reply = (await native().runtime.sendMessage(message)) as Reply<ResponseOf<ToBackground, K>> | undefined;
  if (!reply) throw new Error(`No reply to ${String(message.type)}`);
  return unwrap(reply);
}

export function t(key: string, substitutions?: string | string[]): string {
  return native().i18n.getMessage(key, substitutions) || key;
}

/** Opens the options page, at `section`'s anchor when one is named (openOptionsPage takes no hash). */
export function openOptions(section?: string): void {
  const api = native();
  if (!section) return void api.runtime.openOptionsPage();
  void api.tabs.create({ url: api.runtime.getURL(`src/options/index.html#${encodeURIComponent(section)}`) });
}
