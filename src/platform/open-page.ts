import { native } from './native';

/** Opens one of our own pages (path inside the extension, with an optional #fragment) in a new tab. */
export function openExtensionPage(path: string, create = (url: string) => native().tabs.create({ url })): void {
  void create(native().runtime.getURL(path));
}
