import { openExtensionWindow, toolbarPopup } from '../../platform/windows';
import type { VaultService } from '../vault/vault-service';
import { completeEnrollment } from './complete';
import { confirmedWhileLocked } from './pending';
import { tellFrame } from './told';

/** QRs clicked while locked are added once the user unlocks; their pages are told, to fill the field. */
export async function finishEnrollmentsAfterUnlock(vault: VaultService): Promise<void> {
  for (const [token, entry] of confirmedWhileLocked()) {
    const outcome = await completeEnrollment(vault, entry);
    // The frame is told, and asks for the outcome: only the same origin and document get it (told.ts).
    await tellFrame(entry, token, outcome);
  }
}

/** A tab's content script opens the popup at most once per ASK_COOLDOWN_MS (its later asks are dropped). */
// Short enough that a user who closed the popup by mistake and clicks again is answered.
export const ASK_COOLDOWN_MS = 2_000;
/** When each tab last asked; entries older than the cooldown are dropped as others come (bounded by open tabs). */
const lastAsk = new Map<number, number>();

/** Whether a message from tab `tabId` may open the popup now (and, if so, counts it). */
function mayAsk(tabId: number, now: number): boolean {
  const last = lastAsk.get(tabId);
  if (last !== undefined && now >= last && now - last < ASK_COOLDOWN_MS) return false;
  for (const [tab, at] of lastAsk) if (now - at >= ASK_COOLDOWN_MS || now < at) lastAsk.delete(tab);
  lastAsk.set(tabId, now);
  return true;
}

/**
 * Ask for the master password: the toolbar popup where the browser allows opening it, else a small
 * window (one at a time: platform/windows.ts). `tabId`: asked for a content script's message (a click
 * on the page, or a compromised renderer's forgery): once per ASK_COOLDOWN_MS per tab, so a page cannot
 * keep the popup (or its window) stealing focus. Without a tab (a menu click, our own pages) it always asks.
 */
export async function askToUnlock(
  tabId?: number,
  now = Date.now(),
  openPopup = toolbarPopup(),
  openWindow = openExtensionWindow,
): Promise<void> {
  if (tabId !== undefined && !mayAsk(tabId, now)) return;
  try {
    if (openPopup) return await openPopup();
  } catch {
    // No focused normal window, or not allowed here: fall back to a window.
  }
  await openWindow('src/popup/index.html', 380, 560, tabId);
}
