import { AGREE_MS } from '../../core/clock';

/**
 * Notices this computer's wall clock being set (by hand or NTP) while the service worker lives: the
 * wall clock minus the monotonic one (`performance.now()`, which no clock setting moves) stays put
 * unless the wall clock jumped. A worker started after the change cannot see it (the samples still
 * can: core/clock/estimate.ts clockChangedAt). Sleep may stop the monotonic clock on some systems
 * and look like a forward jump: callers confirm a jump with samples before acting on it.
 */
export class WallClockWatch {
  private base: number;

  constructor(
    private readonly wall: () => number = () => Date.now(),
    private readonly monotonic: () => number = () => performance.now(),
  ) {
    this.base = wall() - monotonic();
  }

  /** How far the wall clock jumped since the last look (positive: set forward), or 0 (not over AGREE_MS). */
  look(): number {
    const base = this.wall() - this.monotonic();
    const jump = base - this.base;
    if (Math.abs(jump) <= AGREE_MS) return 0;
    this.base = base;
    return jump;
  }
}
