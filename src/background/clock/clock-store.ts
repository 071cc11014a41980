import { addSample, estimateOffset, type ClockEstimate, type ClockSample } from '../../core/clock';
import type { StorageItem } from '../../platform/storage';
import { serialQueue } from '../../shared/serial-queue';

/** A source gives at most one sample per this many ms (a page reloading in a loop is one voice, not a flood). */
export const SOURCE_GAP_MS = 2000;

/**
 * The ring of clock samples. Kept in `storage.session` (trusted contexts only, gone when the browser
 * closes) because a service worker may stop between two page loads; its sources are origins of the
 * user's accounts, so it is cleared on lock like everything else that tells where the user has accounts.
 */
export class ClockStore {
  private readonly lastBySource = new Map<string, number>();
  /** Every storage write and the clear, one at a time in call order. */
  private readonly run = serialQueue();
  /** Counts clears (one on every lock): a write decided before a clear is dropped, never stored after it. */
  private clears = 0;

  constructor(private readonly item: StorageItem<ClockSample[]>) {}

  async samples(): Promise<ClockSample[]> {
    const stored = await this.item.get();
    return Array.isArray(stored) ? stored : [];
  }

  /**
   * A token that changes on every clear (so on every lock). Take it BEFORE deciding that a sample may be
   * kept (its source is an account site: the vault was unlocked then) and hand it to `add`: should the
   * vault lock meanwhile, the sample is dropped instead of written after the lock's clear.
   */
  epoch(): number {
    return this.clears;
  }

  /**
   * Add one sample (serialised: two responses at once must not drop each other's write). `throttle`:
   * drop it when its source gave one less than SOURCE_GAP_MS ago (off for our own spaced probe).
   * `epoch` (see above; by default now): a clear since then drops the sample (resolves false).
   */
  add(sample: ClockSample, throttle = true, epoch = this.clears): Promise<boolean> {
    if (epoch !== this.clears) return Promise.resolve(false);
    const last = this.lastBySource.get(sample.source);
    if (throttle && last !== undefined && sample.at - last < SOURCE_GAP_MS && sample.at >= last)
      return Promise.resolve(false);
    this.lastBySource.set(sample.source, sample.at);
    return this.run(async () => {
      const samples = await this.samples();
      // Cleared while the samples were read: this write would outlive the lock that cleared them.
      if (epoch !== this.clears) return false;
      await this.item.set(addSample(samples, sample));
      return true;
    });
  }

  async estimate(now: number): Promise<ClockEstimate | null> {
    return estimateOffset(await this.samples(), now);
  }

  /**
   * Removes every sample, after the writes already queued (a write running when the vault locks lands
   * before this remove, not after it); the writes decided before this call are dropped (`epoch`).
   */
  clear(): Promise<void> {
    this.clears += 1;
    this.lastBySource.clear();
    return this.run(() => this.item.remove());
  }
}
