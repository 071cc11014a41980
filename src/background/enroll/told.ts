/**
 * An enrollment that finished away from its page (confirmed while locked, then unlocked; a captured QR
 * accepted in the popup) is not pushed to the page with its outcome: the outcome holds the setup
 * page's confirmation code, and where the browser names no document (Firefox), the QR's frame id may
 * hold another site's page by now (a parent page navigates its iframe; Firefox keeps the frame id).
 * The frame is told only the token (`content/enrolled`) and asks for the outcome (`enroll/outcome`);
 * the background gives it once, and only to the frame, origin and document the token is bound to,
 * judged from the browser's `sender` (pending.ts lookup).
 */
import type { EnrollOutcome } from '../../shared/protocol';
import type { SenderLike } from '../../shared/sender';
import { senderOrigin } from '../../shared/sender';
import { sendToFrame } from '../send-to-frame';
import { lookup, whereFrom, type Pending } from './pending';

/** Only while `content/enrolled` is on its way and answered (a wake and a resend included). */
const TOLD_TTL_MS = 30_000;
const told = new Map<string, { outcome: EnrollOutcome; expires: number }>();

/** Tells `entry`'s frame that `token`'s enrollment ended with `outcome`, for it to ask for (enrollOutcome). */
export async function tellFrame(entry: Pending, token: string, outcome: EnrollOutcome): Promise<void> {
  told.set(token, { outcome, expires: Date.now() + TOLD_TTL_MS });
  try {
    await sendToFrame(entry.tabId, { type: 'content/enrolled', token }, entry);
  } finally {
    told.delete(token);
  }
}

/**
 * `enroll/outcome` (content scripts): the outcome `tellFrame` holds for `token`, once, only to the frame
 * the token is bound to (tab, frame, origin from `sender`, and Chrome's document id); else null.
 */
export function enrollOutcome(token: string, sender: SenderLike, now = Date.now()): EnrollOutcome | null {
  const waiting = told.get(token);
  if (!waiting || waiting.expires < now) return null;
  const entry = lookup(token, whereFrom(sender, senderOrigin(sender)), now);
  // Where the browser names the token's document, the asker must name the same one.
  if (!entry || (entry.documentId !== undefined && sender.documentId !== entry.documentId)) return null;
  told.delete(token);
  return waiting.outcome;
}
