import { addSample, estimateOffset, type ClockEstimate, type ClockSample } from '../../core/clock';
import type { StorageItem } from '../../platform/storage';

/** A source gives at most one sample per this many ms (a page reloading in a loop is one voice, not a flood). */
export const SOURCE_GAP_MS = 2000;

/**
 * The ring of clock samples. Kept in `storage.session` (trusted contexts only, gone when the browser
 * closes) because a service worker may stop between two page loads; its sources are origins of the
 * user's accounts, so it is cleared on lock like everything else that tells where the user has accounts.
 */
export class ClockStore {
  private readonly lastBySource = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly item: StorageItem<ClockSample[]>) {}

  async samples(): Promise<ClockSample[]> {
    const stored = await this.item.get();
    return Array.isArray(stored) ? stored : [];
  }

  /**
   * Add one sample (serialised: two responses at once must not drop each other's write). `throttle`:
   * drop it when its source gave one less than SOURCE_GAP_MS ago (off for our own spaced probe).
   */
  add(sample: ClockSample, throttle = true): Promise<boolean> {
    const last = this.lastBySource.get(sample.source);
    if (throttle && last !== undefined && sample.at - last < SOURCE_GAP_MS && sample.at >= last)
      return Promise.resolve(false);
    this.lastBySource.set(sample.source, sample.at);
    const write = this.queue.then(async () => {
      await this.item.set(addSample(await this.samples(), sample));
      return true;
    });
    // The caller gets this write's failure through `write`; the queue only has to carry on past it.
    this.queue = write.catch(() => undefined);
    return write;
  }

  async estimate(now: number): Promise<ClockEstimate | null> {
    return estimateOffset(await this.samples(), now);
  }

  clear(): Promise<void> {
    this.lastBySource.clear();
    return this.item.remove();
  }
}
