/**
 * How many QRs a page may confirm (`enroll/confirm`). The content script sends a confirmation only
 * for a trusted click on our overlay (content/genuine.ts), but the background cannot check that: a
 * compromised renderer sends whatever a content script may send, as often as it likes. So the
 * background bounds it, whatever the click: at most PER_DOCUMENT distinct QRs per document (a setup
 * page shows one; a second click after a mistake, a third for a backup device) and PER_TAB per tab in
 * any TAB_WINDOW_MS. Over either, the confirmation is refused with `enroll/too-many`, which the page's
 * toast puts in words ("Scan this page" in the popup still adds a key). A repeated click on the same
 * QR (the same token) costs nothing: it adds nothing new.
 *
 * Firefox names no document (no `documentId`): there a document is the frame's origin in its tab.
 * Kept in worker memory per tab (dropped when the tab closes, see tab-cleanup.ts).
 */
import type { SenderLike } from '../../shared/sender';
import { BackgroundError } from '../errors';

export const PER_DOCUMENT = 3;
export const PER_TAB = 10;
export const TAB_WINDOW_MS = 10 * 60_000;
/** Documents remembered per tab (the oldest goes first); bounded anyway by PER_TAB per window. */
const DOCUMENTS_PER_TAB = 64;

interface TabRecord {
  /** Confirmations per document (Map order: oldest first). */
  documents: Map<string, number>;
  /** When the tab's confirmations within the last TAB_WINDOW_MS were charged. */
  times: number[];
}
const tabs = new Map<number, TabRecord>();

/** Charges one confirmation of a new QR to the sender's document and tab; `enroll/too-many` over either bound. */
export function chargeConfirm(sender: SenderLike, origin: string, now = Date.now()): void {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new BackgroundError('protocol/bad-request', 'Not a tab');
  const record = tabs.get(tabId) ?? { documents: new Map<string, number>(), times: [] };
  tabs.set(tabId, record);
  record.times = record.times.filter((at) => at <= now && now - at < TAB_WINDOW_MS);
  const document = `${sender.frameId ?? 0}/${sender.documentId ?? origin}`;
  const used = record.documents.get(document) ?? 0;
  if (used >= PER_DOCUMENT || record.times.length >= PER_TAB)
    throw new BackgroundError('enroll/too-many', 'This page has confirmed too many QR codes');
  record.documents.delete(document); // re-inserted last: the most recent document is dropped last
  record.documents.set(document, used + 1);
  for (const oldest of record.documents.keys()) {
    if (record.documents.size <= DOCUMENTS_PER_TAB) break;
    record.documents.delete(oldest);
  }
  record.times.push(now);
}

/** The tab closed. */
export function forgetConfirms(tabId: number): void {
  tabs.delete(tabId);
}
