/**
 * What the background tells the extension's own pages (the popup, the options page) without being
 * asked: runtime.sendMessage from the background reaches every extension page that listens, never a
 * content script (those need tabs.sendMessage), so nothing here reaches a web page.
 */
import { fromOwnExtension } from '../sender';

/** The vault just locked (the Lock button of another window, auto-lock, the screen locking). */
export const VAULT_LOCKED = 'vault/locked-signal';

/** `message` is our background's lock signal: from this extension (`selfId`), not from any tab. */
export const isLockSignal = (message: unknown, sender: { id?: string; tab?: unknown }, selfId: string): boolean =>
  fromOwnExtension(sender, selfId) && (message as { type?: unknown } | null)?.type === VAULT_LOCKED;
