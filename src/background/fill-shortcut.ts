import { browser } from '../platform/browser';
import { sendToFrame } from './send-to-frame';

/**
 * Fill on request: the keyboard shortcut (commands API, "fill-code") and a click on an account in the
 * popup ask the active tab's content script to fill its code field now. The content script asks for
 * the code itself, so the site check uses its own frame's origin, as for automatic filling.
 */
export async function fillActiveTab(accountId?: string): Promise<{ filled: boolean }> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return { filled: false };
  const reply = await sendToFrame<{ filled: boolean }>(tab.id, { type: 'content/fill-now', ...(accountId ? { accountId } : {}) });
  return { filled: reply?.filled === true };
}

export function startFillShortcut(): void {
  browser.commands.onCommand.addListener((command) => {
    if (command === 'fill-code') void fillActiveTab();
  });
}
