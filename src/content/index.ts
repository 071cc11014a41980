/**
 * Content script: kept tiny and self-contained (built as one IIFE, see vite.config.ts). It does no
 * work until asked; the QR detector and the one-time-code field finder arrive with their issues.
 */
import { browser, type Runtime } from '../platform/browser';
import { ok } from '../shared/result';
import type { ContentHello } from '../shared/protocol';

function hello(): ContentHello {
  return { href: location.href, topFrame: window === window.top };
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Only our own background (no tab, our id) may talk to us; pages cannot reach this listener at all.
  if (sender.id !== browser.runtime.id || sender.tab) return undefined;
  const type = (message as { type?: unknown } | null)?.type;
  if (type === 'content/ping') return Promise.resolve(ok(hello()));
  return undefined;
});
