import { parseMigrationUri } from '../../core/otpauth-uri';
import type { CandidateReply, CandidateSource } from '../../shared/protocol';
import type { SenderLike } from '../../shared/sender';
import { senderOrigin } from '../../shared/sender';
import { DecodeRefused } from '../enroll/decode-queue';
import { authenticatorUri } from '../enroll/decode-source';
import { remember } from '../enroll/pending';
import { parseAnyUri } from './parse-any-uri';

/**
 * `enroll/candidate` (content scripts): a QR-shaped element. Decode it here; if it is an authenticator
 * key, keep it under a token for the user's click and tell the page only what to show on the button.
 */
export async function enrollCandidate(source: CandidateSource, sender: SenderLike): Promise<CandidateReply> {
  const none = { candidate: null, isQr: false };
  const origin = senderOrigin(sender);
  const tabId = sender.tab?.id;
  if (!origin || tabId === undefined) return none;
  let decoded;
  try {
    decoded = await authenticatorUri(source, origin, sender);
  } catch (error) {
    // Over the tab's decode budget (decode-queue.ts): the page reads it again when the user points at it.
    if (error instanceof DecodeRefused) return { ...none, busy: true };
    // Pixels that decode to no QR (or no readable image) are no candidate.
    return none;
  }
  const { uri, isQr } = decoded;
  if (!uri) return { candidate: null, isQr };
  let accounts;
  try {
    accounts = parseAnyUri(uri);
  } catch (error) {
    // A key that does not parse (a malformed otpauth URI): the page gets no button for it; "Scan this
    // page" says why.
    const code = (error as { code?: unknown } | null)?.code;
    return { candidate: null, isQr, malformed: typeof code === 'string' ? code : '' };
  }
  const batch = uri.toLowerCase().startsWith('otpauth-migration:') ? parseMigrationUri(uri) : null;
  const captured = source.kind === 'capture';
  const token = remember({
    accounts,
    tabId,
    frameId: sender.frameId ?? 0,
    documentId: sender.documentId,
    origin,
    captured,
    batch: batch !== null,
  });
  const first = accounts[0]!;
  const candidate = {
    token,
    // A QR read from a screenshot of the tab may be another site's: its names stay out of the page.
    issuer: captured ? '' : first.issuer,
    account: captured ? '' : first.account,
    count: accounts.length,
    batchIndex: batch?.batchIndex ?? 0,
    batchSize: batch?.batchSize ?? 0,
    // A capture may be another site's; an export adds many accounts at once: the popup asks first.
    asks: captured || batch !== null,
  };
  return { candidate, isQr };
}
