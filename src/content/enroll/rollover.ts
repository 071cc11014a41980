/**
 * The setup page's confirmation field, filled with the first code after enrolling, is kept current
 * as the login autofill's is (../fill/keep-fresh.ts): a slow user would otherwise submit an expired
 * code and be told the setup failed. It stops for good when the user types in the field or submits
 * its form, when the field holds anything we did not write, and when the background has no code any
 * more (Undo, the QR's token expired, the vault locked).
 */
import { sendToBackground } from '../../platform/runtime-lite';
import { keepFresh as keepFieldFresh } from '../fill/keep-fresh';
import type { OtpTarget } from '../fill/classify';

type Ask = (token: string) => Promise<{ code: string; validUntil: number | null }>;

/**
 * A pending QR lives 30 minutes (background/enroll/pending.ts): refreshing longer means something is
 * off. A duration, not a number of refreshes: a 10-s code rolls over 180 times in that half hour.
 */
const FRESH_FOR_MS = 30 * 60 * 1000;

const askBackground: Ask = (token) => sendToBackground({ type: 'enroll/code', token });

/** Keeps `target` current until the user takes over; returns a function that stops it. */
export function keepFresh(
  token: string,
  target: OtpTarget,
  validUntil: number,
  ask: Ask = askBackground,
  now: () => number = Date.now,
): () => void {
  return keepFieldFresh(target, validUntil, () => ask(token), FRESH_FOR_MS, now);
}
