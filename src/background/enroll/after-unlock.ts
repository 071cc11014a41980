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

/** Ask for the master password: the toolbar popup where the browser allows opening it, else a small window. */
export async function askToUnlock(openPopup = toolbarPopup(), openWindow = openExtensionWindow): Promise<void> {
  try {
    if (openPopup) return await openPopup();
  } catch {
    // No focused normal window, or not allowed here: fall back to a window.
  }
  await openWindow('src/popup/index.html', 380, 560);
}
