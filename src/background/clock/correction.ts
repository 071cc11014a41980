import type { ClockEstimate } from '../../core/clock';
import type { Settings } from '../../shared/protocol';

/**
 * The offset codes are computed with: the measured one when the user turned correction on (popup or
 * options) and there is an estimate, else 0 (this computer's clock as it is).
 */
export function codeOffset(settings: Pick<Settings, 'clockCorrection'>, estimate: ClockEstimate | null): number {
  return settings.clockCorrection === true && estimate !== null ? estimate.offsetMs : 0;
}
