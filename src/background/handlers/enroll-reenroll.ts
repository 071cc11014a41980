import type { EnrollOutcome } from '../../shared/protocol';
import type { SenderLike } from '../../shared/sender';
import { senderOrigin } from '../../shared/sender';
import { BackgroundError } from '../errors';
import { completeEnrollment } from '../enroll/complete';
import { lookup, whereFrom } from '../enroll/pending';
import type { Services } from './context';

/**
 * `enroll/reenroll` (content scripts): the user answered "Replace the old one?" in our overlay on the
 * QR (a trusted click on our closed shadow root, see content/enroll/reenroll-ask.ts). Only for the
 * frame that found the QR; the old account is found again here, from the vault, never from the message.
 * `replace` moves it to the trash (the toast's Undo restores it); `keep` adds the new key beside it.
 */
export async function enrollReenroll(
  services: Services,
  token: string,
  choice: 'replace' | 'keep',
  sender: SenderLike,
): Promise<EnrollOutcome> {
  const entry = lookup(token, whereFrom(sender, senderOrigin(sender)));
  // Only the answer to our question: a QR whose click was counted (enroll/confirm's limits) and that
  // the page could ask about (an export or a captured QR is asked about in the popup, never here).
  if (!entry || entry.captured || entry.batch || !entry.clicked)
    throw new BackgroundError('protocol/bad-request', 'Unknown or expired QR');
  if ((await services.vault.state()) !== 'unlocked') {
    await services.askToUnlock(sender.tab?.id);
    return { kind: 'locked' };
  }
  return completeEnrollment(services.vault, entry, { reenroll: choice === 'replace' ? 'replace' : 'keep' });
}
