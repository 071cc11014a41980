/**
 * Finding 9: one page must not be able to push other tabs' QR tokens out of the pending map. Each
 * test uses its own tab ids (the map is module state, as in the service worker).
 */
import { describe, expect, it } from 'vitest';
import { forgetTab, lookup, remember } from '../../../src/background/enroll/pending';
import { MAX, PER_FRAME } from '../../../src/background/enroll/pending-limits';

let nextTab = 1000;
const NOW = 1_700_000_000_000;
const frame = (tabId: number, frameId = 0, documentId = `doc-${tabId}-${frameId}`) => ({
  accounts: [],
  tabId,
  frameId,
  documentId,
  origin: `https://t${tabId}.example`,
  captured: false,
  batch: false,
});
const where = (f: ReturnType<typeof frame>) => ({
  tabId: f.tabId,
  frameId: f.frameId,
  origin: f.origin,
  documentId: f.documentId,
});
const alive = (token: string, f: ReturnType<typeof frame>, now = NOW) => lookup(token, where(f), now) !== null;

describe('pending QR tokens: fair limits', () => {
  it("a page that submits 300 QRs keeps only its own newest PER_FRAME (64); another tab's token survives", () => {
    const victim = frame(nextTab++);
    const attacker = frame(nextTab++);
    const token = remember(victim, NOW);
    const flood = Array.from({ length: 300 }, (_, i) => remember(attacker, NOW + i));
    expect(alive(token, victim)).toBe(true);
    expect(flood.filter((t) => alive(t, attacker)).length).toBe(PER_FRAME);
    expect(flood.slice(-PER_FRAME).every((t) => alive(t, attacker))).toBe(true);
  });

  it('many frames flooding together: the frame with the most entries gives way, a frame with one keeps it', () => {
    const victim = frame(nextTab++);
    const token = remember(victim, NOW);
    const tab = nextTab++;
    // 40 frames × PER_FRAME = 2560 entries, far over MAX.
    for (let f = 0; f < 40; f++) for (let i = 0; i < PER_FRAME; i++) remember(frame(tab, f), NOW + f * 100 + i);
    expect(alive(token, victim)).toBe(true);
    const another = frame(nextTab++);
    const late = remember(another, NOW + 10_000);
    expect(alive(late, another)).toBe(true);
    expect(alive(token, victim)).toBe(true);
    expect(MAX).toBeGreaterThan(PER_FRAME);
  });

  it("expired entries are dropped before anyone else's", () => {
    const old = frame(nextTab++);
    const oldToken = remember(old, NOW - 31 * 60_000);
    expect(alive(oldToken, old, NOW - 31 * 60_000)).toBe(true);
    remember(frame(nextTab++), NOW);
    expect(alive(oldToken, old, NOW - 31 * 60_000)).toBe(false); // gone from the map, not just expired
  });

  it("a frame that loaded a new document drops the old document's tokens; other frames of the tab keep theirs", () => {
    const tab = nextTab++;
    const first = frame(tab, 0, 'doc-a');
    const sub = frame(tab, 3, 'doc-sub');
    const a = remember(first, NOW);
    const s = remember(sub, NOW);
    const second = frame(tab, 0, 'doc-b');
    const b = remember(second, NOW);
    expect(alive(a, first)).toBe(false);
    expect(alive(b, second)).toBe(true);
    expect(alive(s, sub)).toBe(true);
  });

  it("closing a tab forgets its tokens and no other tab's", () => {
    const closing = frame(nextTab++);
    const staying = frame(nextTab++);
    const gone = remember(closing, NOW);
    const kept = remember(staying, NOW);
    forgetTab(closing.tabId);
    expect(alive(gone, closing)).toBe(false);
    expect(alive(kept, staying)).toBe(true);
  });
});
