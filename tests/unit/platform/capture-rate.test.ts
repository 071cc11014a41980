/**
 * Chrome fails a captureVisibleTab call beyond 2 a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND):
 * platform/capture queues and spaces them. The capture and the PNG decoding are passed in as fakes
 * (a recorder, and a one-pixel bitmap: createImageBitmap does not exist in node).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureQueue } from '../../../src/platform/capture';

const calls: { at: number; windowId: number | undefined }[] = [];
let fail = false;

const take = async (windowId?: number) => {
  calls.push({ at: Date.now(), windowId });
  if (fail) throw new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
  return 'data:image/png;base64,';
};
const decode = async () => ({ data: new Uint8ClampedArray(4), width: 1, height: 1 });
const captureVisibleTab = captureQueue(take, decode);

/** Each test starts well after the previous one's last capture (the queue is module state). */
let clock = 1_000_000;
beforeEach(() => {
  vi.useFakeTimers({ now: (clock += 100_000) });
  calls.length = 0;
  fail = false;
});
afterEach(() => vi.useRealTimers());

/** Starts `n` captures at once and lets the clock run until all have settled. */
async function burst(n: number, windowId?: number): Promise<void> {
  const shots = Array.from({ length: n }, () => captureVisibleTab(windowId).catch(() => undefined));
  await vi.advanceTimersByTimeAsync(10_000);
  await Promise.all(shots);
}

describe("captureVisibleTab stays under Chrome's 2 captures a second", () => {
  it('a burst of 5 is taken one after another, at least 550 ms apart, for the window asked', async () => {
    await burst(5, 7);
    expect(calls).toHaveLength(5);
    expect(calls.every((c) => c.windowId === 7)).toBe(true);
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(550);
  });

  it('a failed capture does not stall the queue, and the next one still waits its turn', async () => {
    fail = true;
    await burst(2);
    fail = false;
    await burst(1);
    expect(calls).toHaveLength(3);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(550);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(550);
  });

  it('a capture long after the last one is not delayed', async () => {
    await burst(1);
    await vi.advanceTimersByTimeAsync(5000);
    const before = Date.now();
    await burst(1);
    expect(calls[1]!.at - before).toBeLessThan(5);
  });
});
