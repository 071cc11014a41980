import type { EnrollOutcome } from '../../shared/protocol';
import type { SenderLike } from '../../shared/sender';
import { BackgroundError } from '../errors';
import { completeEnrollment } from '../enroll/complete';
import { confirmOnly, lookup, whereFrom } from '../enroll/pending';
import { askAboutCapture } from '../enroll/capture-ask';
import { chargeConfirm } from '../enroll/confirm-limits';
import { senderOrigin } from '../../shared/sender';
import { embedders, foreignEmbedder } from '../fill/silent';
import type { FrameAncestors } from '../../platform/web-navigation';
import type { Services } from './context';

/** How long a click made while locked waits for the unlock (pending.ts confirmedWhileLocked). */
const UNLOCK_GRACE_MS = 10 * 60_000;

/**
 * `enroll/confirm` (content scripts): the user clicked the highlighted QR (the content script only
 * sends this for a trusted click). The background cannot see the click, so a page confirms at most a
 * few QRs (enroll/confirm-limits.ts, else `enroll/too-many`). Locked: remember the click (the tab's
 * newest only), ask for the password, finish after unlock (see index.ts). A QR read from a tab capture,
 * a Google Authenticator export (many accounts at once), and a QR in a frame another site embeds are
 * never added here: the popup asks first (see enroll/capture-ask.ts). That site can hide the frame in
 * ways the frame cannot see (an `opacity: 0` iframe in Firefox, which has no IntersectionObserver v2;
 * a CSS mask on the iframe, which Chromium's v2 ignores) and put a decoy under the user's click.
 */
export async function enrollConfirm(
  services: Services,
  token: string,
  sender: SenderLike,
  now = Date.now(),
  frames?: FrameAncestors,
): Promise<EnrollOutcome> {
  const origin = senderOrigin(sender);
  const entry = lookup(token, whereFrom(sender, origin), now);
  if (!entry || !origin) throw new BackgroundError('protocol/bad-request', 'Unknown or expired QR');
  const first = !entry.clicked;
  if (first) {
    chargeConfirm(sender, origin, now);
    entry.clicked = true;
  }
  // Who embeds the frame at the click, from the browser's frame tree (a top frame: nobody).
  const framedBy = foreignEmbedder(origin, await embedders(sender, frames), sender.tab?.url);
  if (framedBy !== null) entry.framedBy = framedBy;
  if (entry.captured || entry.batch || entry.framedBy !== undefined) {
    askAboutCapture(token, now);
    await services.askToUnlock(sender.tab?.id);
    return { kind: 'asked' };
  }
  const state = await services.vault.state();
  if (state !== 'unlocked') {
    confirmOnly(token);
    // The user has 10 minutes from the click to unlock, even when the QR was read long before it;
    // given once: clicking the same QR again does not keep it waiting longer.
    if (first) entry.expires = Math.max(entry.expires, now + UNLOCK_GRACE_MS);
    await services.askToUnlock(sender.tab?.id);
    return state === 'empty' ? { kind: 'locked', setup: true } : { kind: 'locked' };
  }
  return completeEnrollment(services.vault, entry);
}
