import type { EnrollOutcome } from '../../shared/protocol';
import type { SenderLike } from '../../shared/sender';
import { BackgroundError } from '../errors';
import { completeEnrollment } from '../enroll/complete';
import { lookup, whereFrom } from '../enroll/pending';
import { askAboutCapture } from '../enroll/capture-ask';
import { senderOrigin } from '../../shared/sender';
import type { Services } from './context';

/** How long a click made while locked waits for the unlock (pending.ts confirmedWhileLocked). */
const UNLOCK_GRACE_MS = 10 * 60_000;

/**
 * `enroll/confirm` (content scripts): the user clicked the highlighted QR (the content script only
 * sends this for a trusted click). Locked: remember the click, ask for the password, finish after
 * unlock (see index.ts). A QR read from a tab capture is never added here: the popup asks first
 * (see enroll/capture-ask.ts).
 */
export async function enrollConfirm(services: Services, token: string, sender: SenderLike): Promise<EnrollOutcome> {
  const entry = lookup(token, whereFrom(sender, senderOrigin(sender)));
  if (!entry) throw new BackgroundError('protocol/bad-request', 'Unknown or expired QR');
  if (entry.captured) {
    askAboutCapture(token);
    await services.askToUnlock();
    return { kind: 'asked' };
  }
  const state = await services.vault.state();
  if (state !== 'unlocked') {
    entry.confirmed = true;
    // The user has 10 minutes from the click to unlock, even when the QR was read long before it.
    entry.expires = Math.max(entry.expires, Date.now() + UNLOCK_GRACE_MS);
    await services.askToUnlock();
    return state === 'empty' ? { kind: 'locked', setup: true } : { kind: 'locked' };
  }
  return completeEnrollment(services.vault, entry);
}
