import type { ClockSample } from '../../core/clock';
import type { Settings } from '../../shared/protocol';
import { logger } from '../../shared/logger';
import { acceptedOffset, codeOffset, offsetAfterJump } from './correction';
import { WallClockWatch } from './wall-jump';

const log = logger('clock');

export interface KeeperPorts {
  settings(): Promise<Settings>;
  /** Store a new accepted offset (settings/set, through its queue). */
  accept(offsetMs: number): Promise<unknown>;
}

/**
 * Keeps the accepted clock offset right across a change of this computer's clock (review rev-codes,
 * finding 2): when the wall clock jumps by J while the correction is on, the samples taken after it
 * decide (correction.ts offsetAfterJump): they confirm `accepted - J` (the clock was set: shift the
 * accepted offset, the user asked for codes on the real time) or `accepted` (it was a wake from sleep:
 * nothing moved). Until then codes keep the accepted offset. The samples after a jump are kept here, in
 * memory: a jump is only seen by the worker that lived through it.
 */
export class ClockKeeper {
  private jump: { ms: number; samples: ClockSample[] } | null = null;
  /** The shifted offset being stored (its answer), so codes asked meanwhile use it too. */
  private shifting: Promise<number> | undefined;

  constructor(
    private readonly ports: KeeperPorts,
    private readonly watch = new WallClockWatch(),
    private readonly now: () => number = () => Date.now(),
  ) {}

  private look(): void {
    const ms = this.watch.look();
    if (ms !== 0) this.jump = { ms: (this.jump?.ms ?? 0) + ms, samples: [] };
  }

  /** A sample the browser just gave (observe.ts): one taken on the clock as it is now counts for a jump. */
  noteSample(sample: ClockSample): void {
    this.look();
    // Its time is the response's, a moment ago: one much further off was taken before the jump.
    if (this.jump && Math.abs(this.now() - sample.at) < Math.abs(this.jump.ms) / 2) this.jump.samples.push(sample);
  }

  /** The offset codes use now (code-clock.ts), after taking a confirmed clock change into account. */
  async offset(): Promise<number> {
    this.look();
    // A shift being stored: every code asked meanwhile waits for it (the settings read below would
    // still give the offset from before the clock change).
    if (this.shifting) return this.shifting;
    const settings = await this.ports.settings();
    if (this.shifting) return this.shifting;
    const accepted = acceptedOffset(settings);
    if (this.jump && accepted === null) this.jump = null;
    if (!this.jump || accepted === null) return codeOffset(settings);
    const next = offsetAfterJump(accepted, this.jump.ms, this.jump.samples);
    if (next === null) return accepted;
    this.jump = null;
    if (next === accepted) return accepted;
    log.info('clock changed: accepted offset shifted', { from: accepted, to: next });
    const shifting = this.ports.accept(next).then(
      () => next,
      async (error: unknown) => {
        // The setting changed meanwhile (turned off in another page) or could not be written: codes
        // follow what is stored, the user's latest word.
        log.warn('shifted offset not stored', error);
        return codeOffset(await this.ports.settings());
      },
    );
    this.shifting = shifting;
    try {
      return await shifting;
    } finally {
      if (this.shifting === shifting) this.shifting = undefined;
    }
  }
}
