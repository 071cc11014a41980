/**
 * Room for one more decoded QR, fairly shared (finding 9): a page that submits hundreds of QR images
 * must not push out the token of the QR the user is about to click in another tab.
 *
 * - Expired entries go first.
 * - Per frame (tab + frame) at most PER_FRAME entries; a frame over it loses its own oldest. A frame
 *   that loaded a new document loses the old document's entries (lookup() refuses them anyway).
 * - All frames together at most MAX. Over it, the frame holding the MOST entries loses its oldest
 *   (ties: the frame that added last), so a frame with few entries is the last to lose any. Another
 *   frame's entry is never evicted while an expired one remains.
 * - Entries confirmed by a click while locked (waiting for unlock) are evicted only when a frame has
 *   nothing else to give.
 */
export interface Holder {
  tabId: number;
  frameId: number;
  documentId: string | undefined;
  expires: number;
  confirmed: boolean;
}

/** A setup page shows one QR, a multi-part export a handful; the e2e vault test enrolls 33 from one page at once. */
export const PER_FRAME = 64;
export const MAX = 512;

const frameOf = (p: { tabId: number; frameId: number }) => `${p.tabId}/${p.frameId}`;

export function makeRoom<P extends Holder>(
  pending: Map<string, P>,
  incoming: Omit<Holder, 'expires' | 'confirmed'>,
  now: number,
): void {
  const frame = frameOf(incoming);
  dropExpired(pending, now);
  for (const [token, p] of pending) {
    const oldDocument =
      frameOf(p) === frame && incoming.documentId && p.documentId && p.documentId !== incoming.documentId;
    if (oldDocument && !p.confirmed) pending.delete(token);
  }
  const own = [...pending].filter(([, p]) => frameOf(p) === frame);
  for (let excess = own.length - PER_FRAME + 1; excess > 0; excess--) evictOldest(pending, own);
  while (pending.size >= MAX) {
    const busiest = busiestFrame(pending);
    evictOldest(
      pending,
      [...pending].filter(([, p]) => frameOf(p) === busiest),
    );
  }
}

/** The frame with the most entries; on a tie, the one whose latest entry is the most recent. */
function busiestFrame(pending: Map<string, Holder>): string {
  const count = new Map<string, number>();
  const last = new Map<string, number>();
  let i = 0;
  for (const p of pending.values()) {
    const frame = frameOf(p);
    count.set(frame, (count.get(frame) ?? 0) + 1);
    last.set(frame, i++);
  }
  let best = '';
  for (const [frame, n] of count) {
    const top = count.get(best) ?? 0;
    if (n > top || (n === top && last.get(frame)! > last.get(best)!)) best = frame;
  }
  return best;
}

/** Deletes the oldest unconfirmed of `entries` (Map order is insertion order), else the oldest; updates `entries`. */
function evictOldest(pending: Map<string, Holder>, entries: [string, Holder][]): void {
  const index = Math.max(
    0,
    entries.findIndex(([, p]) => !p.confirmed),
  );
  const [victim] = entries.splice(index, 1);
  if (victim) pending.delete(victim[0]);
}

/** Drops the entries whose token ran out, confirmed ones too. */
export function dropExpired(pending: Map<string, Pick<Holder, 'expires'>>, now: number): void {
  for (const [token, p] of pending) if (p.expires < now) pending.delete(token);
}

/** A tab closed: its frames' entries can never be clicked (those confirmed while locked still complete). */
export function dropTab(pending: Map<string, Holder>, tabId: number): void {
  for (const [token, p] of pending) if (p.tabId === tabId && !p.confirmed) pending.delete(token);
}
