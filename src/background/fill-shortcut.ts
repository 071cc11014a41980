import { commandEvent, type CommandEvent } from '../platform/commands';
import { activeTab, type ActiveTab } from './active-tab';
import { grantsReady, issueGrant } from './fill/grants';
import { sendToFrame } from './send-to-frame';

/** The content script asks for the code right away; the grant is good for that one request only. */
const TAB_GRANT_MS = 15_000;

/**
 * Fill on request: the keyboard shortcut (commands API, "fill-code") and a click on an account in the
 * popup ask the active tab's content script to fill its code field now. The content script asks for
 * the code itself, so the site check uses its own frame's origin, as for automatic filling. The
 * message carries a one-time grant for this tab: that, not a message field, makes the content
 * script's request one the user asked for (see fill/grants.ts).
 */
export async function fillActiveTab(
  accountId?: string,
  hotpCode?: string,
  findTab: () => Promise<ActiveTab | null> = activeTab,
): Promise<{ filled: boolean }> {
  // The page behind the popup: the small window the popup falls back to is not it (see active-tab.ts).
  const tab = await findTab();
  if (!tab) return { filled: false };
  const hotp = accountId && hotpCode ? { hotp: { accountId, code: hotpCode } } : {};
  await grantsReady();
  const grant = issueGrant({ tabId: tab.id, ...hotp }, TAB_GRANT_MS);
  const reply = await sendToFrame(tab.id, { type: 'content/fill-now', ...(accountId ? { accountId } : {}), grant });
  return { filled: reply?.filled === true };
}

export function startFillShortcut(onCommand: CommandEvent = commandEvent()): void {
  onCommand.addListener((command) => {
    if (command === 'fill-code') void fillActiveTab();
  });
}
