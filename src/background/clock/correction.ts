import { AGREE_MS, type ClockSample } from '../../core/clock';
import type { Settings } from '../../shared/protocol';

type ClockSettings = Pick<Settings, 'clockCorrection' | 'clockOffsetMs'>;

/** The offset the user accepted, while the correction is on; null when it is off or none was accepted yet. */
export function acceptedOffset(settings: ClockSettings): number | null {
  return settings.clockCorrection === true && typeof settings.clockOffsetMs === 'number'
    ? settings.clockOffsetMs
    : null;
}

/**
 * The offset codes are computed with: the one the user accepted (popup "Correct", or the popup's
 * question when their sites later say something else), while the correction is on; else 0. Never a new
 * estimate by itself: samples are cleared on lock, one site may be hostile or wrong, and sites may
 * disagree; none of that may change codes without the user (review rev-codes, findings 1, 3, 4).
 */
export function codeOffset(settings: ClockSettings): number {
  return acceptedOffset(settings) ?? 0;
}

/**
 * After this computer's wall clock jumped by `jumpMs` (set right by hand or by NTP), the accepted offset
 * that keeps codes on the same real time is `accepted - jumpMs` (a clock 90 s behind, set forward by
 * 90 s, needs no correction). Taken only when the samples since the jump confirm it: at least one, and
 * all agree with it; a wake from sleep can look like a jump too, and then the sites still say `accepted`.
 * Returns the shifted offset, `accepted` when the samples say nothing moved, or null (not yet known).
 */
export function offsetAfterJump(accepted: number, jumpMs: number, since: readonly ClockSample[]): number | null {
  if (since.length === 0) return null;
  const all = (offset: number) => since.every((s) => Math.abs(s.offsetMs - offset) <= AGREE_MS + s.uncertaintyMs);
  const shifted = Math.round(accepted - jumpMs);
  if (all(shifted)) return shifted;
  if (all(accepted)) return accepted;
  return null;
}
